import GridOnIcon from '@mui/icons-material/GridOn';
import { CreateButton, ExportButton, FilterButton, TopToolbar, useResourceDefinition } from 'react-admin';
import { xlsxExporter } from './xlsx';

/** 导出 (CSV, the list's own exporter) and 导出 Excel (./xlsx.ts), side by side in a list's toolbar. */
export const ExportButtons = () => (
  <>
    <ExportButton />
    <ExportButton exporter={xlsxExporter} label="app.common.export_xlsx" icon={<GridOnIcon />} data-testid="export-xlsx" />
  </>
);

/** react-admin's default list toolbar (筛选, 新建 where the resource has it), with both exports. */
export const ListActionsWithExports = () => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
      <ExportButtons />
    </TopToolbar>
  );
};
