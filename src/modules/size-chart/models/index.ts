export { SizeChart } from "./size-chart"
