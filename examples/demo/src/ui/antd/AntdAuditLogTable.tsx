import { DownloadOutlined } from "@ant-design/icons";
import { Alert, AutoComplete, Button, DatePicker, Flex, Form, Input, Select, Table, Typography, type TableProps } from "antd";
import dayjs from "dayjs";
import { useId } from "react";
import {
  auditLogTableParts as parts,
  downloadExport,
  getActionChoiceLabel,
  getAuditLogStatusText,
  getColumnHeaderText,
  ReferenceLookupContext,
  useAuditLogTable,
  type AuditLogEntry,
  type AuditLogTableRowModel,
  type UseAuditLogTableResult,
} from "refine-audit-trail";
import { dayOf, firstOf, goToPage, patchFilters } from "../auditLogTableHelpers";
import { EntryDiff } from "../EntryDiff";
import type { HistoryTableProps } from "../HistoryTable";

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * The audit log in Ant Design's `<Table>`: `useAuditLogTable` reads, filters, sorts and
 * pages; antd renders. Columns, sorting, pages and open rows are the hook's TanStack
 * state; the filters are antd inputs; an open row shows the entry's `<RecordDiff>`. Rows,
 * cells and the toggle carry the kit's data attributes (`getRowProps`, `getCellProps`,
 * `getToggleProps`).
 */
export function AntdAuditLogTable(options: HistoryTableProps) {
  const result = useAuditLogTable(options);
  const { table, t, state } = result;
  const rows = new Map(table.getRowModel().rows.map((row) => [row.id, row]));
  const rowOf = (entry: AuditLogEntry) => rows.get(String(entry.id));
  const cellOf = (entry: AuditLogEntry, columnId: string) => rowOf(entry)?.getVisibleCells().find((cell) => cell.column.id === columnId);

  const columns: TableProps<AuditLogEntry>["columns"] = table.getVisibleLeafColumns().map((column) => {
    const sorted = column.getIsSorted();
    return {
      key: column.id,
      title: getColumnHeaderText(column, t),
      sorter: column.getCanSort(),
      sortOrder: sorted === "asc" ? "ascend" : sorted === "desc" ? "descend" : null,
      onCell: (entry) => {
        const cell = cellOf(entry, column.id);
        return cell ? result.getCellProps(cell) : {};
      },
      render: (_, entry) => {
        const cell = cellOf(entry, column.id);
        return cell ? <table.FlexRender cell={cell} /> : null;
      },
    };
  });
  const { pageIndex, pageSize } = table.state.pagination;
  const rowCount = table.getRowCount();

  return (
    <ReferenceLookupContext.Provider value={result.references}>
      <div {...result.getRootProps()}>
        <AntdAuditLogFilters result={result} />
        {state === "error" ? (
          <Alert
            type="error"
            showIcon
            message={t("auditLog.table.errorWithMessage", "The audit log could not be loaded: {message}", { message: result.error?.message ?? "" })}
            action={<Button onClick={result.retry}>{t("auditLog.table.retry", "Try again")}</Button>}
          />
        ) : (
          <Table<AuditLogEntry>
            {...result.getTableProps({})}
            size="middle"
            rowKey={(entry) => String(entry.id)}
            loading={state === "loading" || result.isFiltering}
            columns={columns}
            dataSource={[...rows.values()].map((row) => row.original)}
            locale={{ emptyText: state === "empty" ? t("auditLog.table.empty", "No changes recorded yet") : t("auditLog.table.emptyFiltered", "No entries match these filters.") }}
            onRow={(entry) => {
              const row = rowOf(entry);
              return row ? result.getRowProps(row) : {};
            }}
            onChange={(_pagination, _filters, sorter, { action }) => {
              if (action !== "sort") return;
              const { columnKey, order } = Array.isArray(sorter) ? sorter[0]! : sorter;
              table.setSorting(order ? [{ id: String(columnKey), desc: order === "descend" }] : []);
            }}
            expandable={{
              expandedRowKeys: [...rows.values()].filter((row) => row.getIsExpanded()).map((row) => row.id),
              rowExpandable: (entry) => result.describe(entry).hasChanges,
              columnTitle: <span className="visually-hidden">{t("auditLog.table.column.expand", "Details")}</span>,
              // The kit's toggle (its words, aria-expanded and aria-controls) as an antd button.
              expandIcon: ({ record, expandable }) => {
                const row = rowOf(record);
                return row && <AntdRowToggle result={result} row={row} expandable={expandable} />;
              },
              expandedRowRender: (entry) => {
                const row = rowOf(entry);
                return row && <div {...result.getDetailProps(row)}><EntryDiff result={result} entry={entry} fields={options.fields} /></div>;
              },
            }}
            pagination={{
              current: pageIndex + 1,
              pageSize,
              // One more page while the provider has more: "next" reads it.
              total: result.hasMoreOnServer ? Math.max(rowCount, (pageIndex + 1) * pageSize) + 1 : rowCount,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              showTotal: () => getAuditLogStatusText(result),
              // antd's own strings follow ConfigProvider's locale; its German one leaves "Page Size" in English.
              locale: { page_size: t("auditLog.table.pageSize", "Rows per page") },
              onChange: (page, size) => (size === pageSize ? goToPage(result, page - 1) : table.setPagination({ pageIndex: 0, pageSize: size })),
            }}
          />
        )}
      </div>
    </ReferenceLookupContext.Provider>
  );
}

function AntdRowToggle({ result, row, expandable }: { result: UseAuditLogTableResult; row: AuditLogTableRowModel; expandable: boolean }) {
  const isPossible = result.getFieldMatch(row.original) === "possible";
  return (
    <>
      {/* antd's Button takes its look from `type`: the kit's `type: "button"` goes to `htmlType`. */}
      {expandable && <Button {...result.getToggleProps(row, {})} type="link" htmlType="button" size="small" />}
      {isPossible && (
        <Typography.Text type="secondary" {...result.getPartProps(parts.possibleNote)}>
          {result.t("auditLog.table.possibleMatch", "may have changed: earlier value not recorded")}
        </Typography.Text>
      )}
    </>
  );
}

/** The filters in antd inputs (action, author, dates, changed field with suggestions, search), clear, and the CSV export. */
function AntdAuditLogFilters({ result }: { result: UseAuditLogTableResult }) {
  const { t, filters, choices, state } = result;
  const id = useId();
  const field = firstOf(filters.field) ?? "";
  const date = (value: string | undefined) => (value ? dayjs(value) : null);
  return (
    <Flex wrap gap="small" align="end" justify="space-between">
      <Form layout="inline" colon={false} component="div" role="group" aria-label={t("auditLog.table.filters", "Filters")} style={{ rowGap: 8 }}>
        <Form.Item label={t("auditLog.table.filter.action", "Action")} htmlFor={`${id}-action`}>
          <Select
            id={`${id}-action`}
            allowClear
            style={{ minWidth: 150 }}
            placeholder={t("auditLog.table.filter.allActions", "All actions")}
            value={firstOf(filters.action)}
            options={choices.actions.map((action) => ({ value: action, label: getActionChoiceLabel(action, t) }))}
            onChange={(action?: string) => patchFilters(result, { action })}
          />
        </Form.Item>
        <Form.Item label={t("auditLog.table.filter.author", "Author")} htmlFor={`${id}-author`}>
          <Select
            id={`${id}-author`}
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t("auditLog.table.filter.allAuthors", "All authors")}
            value={firstOf(filters.author)}
            options={choices.authors}
            onChange={(author?: string) => patchFilters(result, { author })}
          />
        </Form.Item>
        <Form.Item label={t("auditLog.table.filter.from", "From")} htmlFor={`${id}-from`}>
          <DatePicker id={`${id}-from`} value={date(dayOf(filters.from))} onChange={(day) => patchFilters(result, { from: day?.format("YYYY-MM-DD") })} />
        </Form.Item>
        <Form.Item label={t("auditLog.table.filter.to", "To")} htmlFor={`${id}-to`}>
          <DatePicker id={`${id}-to`} value={date(dayOf(filters.to))} onChange={(day) => patchFilters(result, { to: day?.format("YYYY-MM-DD") })} />
        </Form.Item>
        <Form.Item label={t("auditLog.table.filter.field", "Changed field")} htmlFor={`${id}-field`}>
          <AutoComplete
            id={`${id}-field`}
            allowClear
            style={{ width: 200 }}
            placeholder={t("auditLog.table.filter.fieldPlaceholder", "e.g. price")}
            value={field}
            options={choices.fields.filter((path) => path.includes(field)).map((path) => ({ value: path }))}
            onChange={(value?: string) => patchFilters(result, { field: value || undefined })}
          />
        </Form.Item>
        <Form.Item label={t("auditLog.table.filter.search", "Search")} htmlFor={`${id}-search`}>
          <Input
            id={`${id}-search`}
            type="search"
            allowClear
            placeholder={t("auditLog.table.filter.searchPlaceholder", "Names and values")}
            value={filters.search ?? ""}
            onChange={(event) => patchFilters(result, { search: event.target.value || undefined })}
          />
        </Form.Item>
        {result.isFiltered && (
          <Form.Item>
            <Button {...result.getPartProps(parts.clearFilters)} onClick={() => result.setFilters({})}>
              {t("auditLog.table.clearFilters", "Clear filters")}
            </Button>
          </Form.Item>
        )}
      </Form>
      <Button
        {...result.getPartProps(parts.export, { "data-format": "csv" })}
        icon={<DownloadOutlined />}
        disabled={state !== "ready" || result.isFiltering}
        onClick={() => downloadExport(result.exportCsv())}
      >
        {t("auditLog.table.exportCsv", "Export CSV")}
      </Button>
    </Flex>
  );
}
