import { MedusaContainer } from "@medusajs/framework/types"
import { SIZE_CHART_MODULE } from "../../../modules/size-chart"
import SizeChartModuleService from "../../../modules/size-chart/service"

export const sizeChartService = (container: MedusaContainer) => container.resolve<SizeChartModuleService>(SIZE_CHART_MODULE)
