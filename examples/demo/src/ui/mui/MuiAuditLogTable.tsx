import DownloadIcon from "@mui/icons-material/Download";
import Alert from "@mui/material/Alert";
import Autocomplete from "@mui/material/Autocomplete";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TablePagination from "@mui/material/TablePagination";
import TableRow from "@mui/material/TableRow";
import TableSortLabel from "@mui/material/TableSortLabel";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import {
  auditLogTableParts as parts,
  downloadExport,
  getActionChoiceLabel,
  getAuditLogStatusText,
  ReferenceLookupContext,
  useAuditLogTable,
  type AuditLogTableRowModel,
  type RecordDiffFields,
  type UseAuditLogTableResult,
} from "refine-audit-trail";
import { dayOf, firstOf, goToPage, patchFilters } from "../auditLogTableHelpers";
import { EntryDiff } from "../EntryDiff";
import type { HistoryTableProps } from "../HistoryTable";

const PAGE_SIZES = [10, 25, 50, 100];
const PAGE_BUTTONS = { first: "First", previous: "Previous", next: "Next", last: "Last" } as const;

/**
 * The audit log in MUI's `<Table>`: `useAuditLogTable` reads, filters, sorts and pages;
 * MUI renders, each part through the hook's props getters (`getTableProps`,
 * `getHeaderProps`, `getRowProps`, `getCellProps`, `getToggleProps`, `getDetailProps`).
 * The filters are MUI text fields; an open row shows the entry's `<RecordDiff>` in a
 * detail row. (MUI's DataGrid keeps detail panels for its Pro version.)
 */
export function MuiAuditLogTable(options: HistoryTableProps) {
  const result = useAuditLogTable(options);
  const { table, t, state } = result;
  const { pageIndex, pageSize } = table.state.pagination;
  const columnCount = table.getVisibleLeafColumns().length + 1;
  return (
    <ReferenceLookupContext.Provider value={result.references}>
      <Stack {...result.getRootProps()} spacing={2}>
        <MuiAuditLogFilters result={result} />
        {state === "error" ? (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={result.retry}>
                {t("auditLog.table.retry", "Try again")}
              </Button>
            }
          >
            {t("auditLog.table.errorWithMessage", "The audit log could not be loaded: {message}", { message: result.error?.message ?? "" })}
          </Alert>
        ) : (
          <Paper variant="outlined">
            <TableContainer>
              <Table size="small" {...result.getTableProps()}>
                <TableHead>
                  {table.getHeaderGroups().map((group) => (
                    <TableRow key={group.id}>
                      <TableCell>
                        <span className="visually-hidden">{t("auditLog.table.column.expand", "Details")}</span>
                      </TableCell>
                      {group.headers.map((header) => {
                        const sorted = header.column.getIsSorted();
                        // TableSortLabel is a <span role="button">: no `type`.
                        const { type: _type, ...sortProps } = result.getSortProps(header);
                        return (
                          <TableCell key={header.id} {...result.getHeaderProps(header)} sortDirection={sorted || false}>
                            {header.column.getCanSort() ? (
                              <TableSortLabel {...sortProps} active={!!sorted} direction={sorted || "asc"}>
                                <table.FlexRender header={header} />
                              </TableSortLabel>
                            ) : (
                              <table.FlexRender header={header} />
                            )}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  ))}
                </TableHead>
                <TableBody>
                  {state === "loading" || result.isFiltering ? (
                    <TableRow>
                      <TableCell colSpan={columnCount}>
                        <LinearProgress aria-label={t("auditLog.table.loading", "Loading the audit log…")} />
                      </TableCell>
                    </TableRow>
                  ) : null}
                  {table.getRowModel().rows.map((row) => (
                    <MuiAuditLogRow key={row.id} result={result} row={row} columnCount={columnCount} fields={options.fields} />
                  ))}
                  {(state === "empty" || (state === "ready" && table.getRowCount() === 0)) && (
                    <TableRow>
                      <TableCell colSpan={columnCount} {...result.getPartProps(parts.empty)}>
                        {state === "empty" ? t("auditLog.table.empty", "No changes recorded yet") : t("auditLog.table.emptyFiltered", "No entries match these filters.")}
                      </TableCell>
                    </TableRow>
                  )}
                </TableBody>
              </Table>
            </TableContainer>
            <TablePagination
              component="div"
              // -1: "of more than": the provider has more than was read.
              count={result.hasMoreOnServer ? -1 : table.getRowCount()}
              page={pageIndex}
              rowsPerPage={pageSize}
              rowsPerPageOptions={PAGE_SIZES}
              onPageChange={(_event, page) => goToPage(result, page)}
              onRowsPerPageChange={(event) => table.setPagination({ pageIndex: 0, pageSize: Number(event.target.value) })}
              labelRowsPerPage={t("auditLog.table.pageSize", "Rows per page")}
              labelDisplayedRows={() => getAuditLogStatusText(result)}
              getItemAriaLabel={(type) => t(`auditLog.table.${type}Page`, PAGE_BUTTONS[type])}
              showFirstButton
              showLastButton
            />
          </Paper>
        )}
      </Stack>
    </ReferenceLookupContext.Provider>
  );
}

/** A row, its toggle, and its diff under it while open. */
function MuiAuditLogRow({ result, row, columnCount, fields }: { result: UseAuditLogTableResult; row: AuditLogTableRowModel; columnCount: number; fields: RecordDiffFields | undefined }) {
  const { table, t } = result;
  return (
    <>
      <TableRow hover {...result.getRowProps(row)}>
        <TableCell {...result.getPartProps(parts.cell, { "data-column": "expand" })}>
          {result.describe(row.original).hasChanges && <Button size="small" {...result.getToggleProps(row, {})} />}
          {result.getFieldMatch(row.original) === "possible" && (
            <Typography variant="caption" display="block" color="text.secondary" {...result.getPartProps(parts.possibleNote)}>
              {t("auditLog.table.possibleMatch", "may have changed: earlier value not recorded")}
            </Typography>
          )}
        </TableCell>
        {row.getVisibleCells().map((cell) => (
          <TableCell key={cell.id} {...result.getCellProps(cell)}>
            <table.FlexRender cell={cell} />
          </TableCell>
        ))}
      </TableRow>
      {row.getIsExpanded() && (
        <TableRow {...result.getDetailProps(row)}>
          <TableCell colSpan={columnCount}>
            <EntryDiff result={result} entry={row.original} fields={fields} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

/** The filters in MUI text fields (action, author, dates, changed field with suggestions, search), clear, and the CSV export. */
function MuiAuditLogFilters({ result }: { result: UseAuditLogTableResult }) {
  const { t, filters, choices, state } = result;
  return (
    <Stack direction="row" flexWrap="wrap" useFlexGap spacing={2} alignItems="center">
      <Stack direction="row" flexWrap="wrap" useFlexGap spacing={2} alignItems="center" role="group" aria-label={t("auditLog.table.filters", "Filters")}>
        <TextField select size="small" sx={{ minWidth: 160 }} label={t("auditLog.table.filter.action", "Action")} value={firstOf(filters.action) ?? ""} onChange={(event) => patchFilters(result, { action: event.target.value || undefined })}>
          <MenuItem value="">{t("auditLog.table.filter.allActions", "All actions")}</MenuItem>
          {choices.actions.map((action) => (
            <MenuItem key={action} value={action}>
              {getActionChoiceLabel(action, t)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" sx={{ minWidth: 160 }} label={t("auditLog.table.filter.author", "Author")} value={firstOf(filters.author) ?? ""} onChange={(event) => patchFilters(result, { author: event.target.value || undefined })}>
          <MenuItem value="">{t("auditLog.table.filter.allAuthors", "All authors")}</MenuItem>
          {choices.authors.map((author) => (
            <MenuItem key={author.value} value={author.value}>
              {author.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField type="date" size="small" label={t("auditLog.table.filter.from", "From")} slotProps={{ inputLabel: { shrink: true } }} value={dayOf(filters.from) ?? ""} onChange={(event) => patchFilters(result, { from: event.target.value || undefined })} />
        <TextField type="date" size="small" label={t("auditLog.table.filter.to", "To")} slotProps={{ inputLabel: { shrink: true } }} value={dayOf(filters.to) ?? ""} onChange={(event) => patchFilters(result, { to: event.target.value || undefined })} />
        <Autocomplete
          freeSolo
          size="small"
          sx={{ width: 220 }}
          options={choices.fields}
          inputValue={firstOf(filters.field) ?? ""}
          onInputChange={(_event, value) => patchFilters(result, { field: value || undefined })}
          renderInput={(params) => <TextField {...params} label={t("auditLog.table.filter.field", "Changed field")} placeholder={t("auditLog.table.filter.fieldPlaceholder", "e.g. price")} />}
        />
        <TextField type="search" size="small" label={t("auditLog.table.filter.search", "Search")} placeholder={t("auditLog.table.filter.searchPlaceholder", "Names and values")} value={filters.search ?? ""} onChange={(event) => patchFilters(result, { search: event.target.value || undefined })} />
        {result.isFiltered && (
          <Button {...result.getPartProps(parts.clearFilters, {})} onClick={() => result.setFilters({})}>
            {t("auditLog.table.clearFilters", "Clear filters")}
          </Button>
        )}
      </Stack>
      <Button
        {...result.getPartProps(parts.export, { "data-format": "csv" })}
        variant="outlined"
        startIcon={<DownloadIcon />}
        sx={{ ml: "auto" }}
        disabled={state !== "ready" || result.isFiltering}
        onClick={() => downloadExport(result.exportCsv())}
      >
        {t("auditLog.table.exportCsv", "Export CSV")}
      </Button>
    </Stack>
  );
}
