export {
  attachment,
  csvChunks,
  csvText,
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  exportFileName,
  exportFormatOf,
  isExportFormat,
  tabularStream,
  writeXlsx,
} from './tabular';
export type { Cell, Column, ExportFormat, Table } from './tabular';
