import ListingSkeleton from "@modules/store/components/listing-skeleton"

export default ListingSkeleton
