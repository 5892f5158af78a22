import { useCallback } from "react";
import { FieldHistoryToggle, isItemListEntry, RecordDiff, toFieldPath, type AuditLogEntry, type RecordDiffFields, type RecordDiffRow, type UseAuditLogTableResult } from "refine-audit-trail";

/**
 * An entry's diff under its row, as `<AuditLogTable>` shows it: its described changes
 * (the table's policy applied), items named, and "History of <field>" on each changed
 * row of an entry of one record. For the Ant Design and MUI renderings of `useAuditLogTable`.
 */
export function EntryDiff({ result, entry, fields }: { result: UseAuditLogTableResult; entry: AuditLogEntry; fields: RecordDiffFields | undefined }) {
  const description = result.describe(entry);
  const recordId = entry.recordIds.length === 1 ? entry.recordIds[0] : undefined;
  const renderRowActions = useCallback(
    (row: RecordDiffRow) => {
      const field = recordId === undefined || row.change.kind === "unchanged" ? undefined : toFieldPath(row.change.path);
      return field === undefined ? null : <FieldHistoryToggle resource={entry.resource} id={recordId!} field={field} label={row.label} fields={fields} />;
    },
    [entry.resource, recordId, fields],
  );
  return (
    <RecordDiff
      renderRowActions={renderRowActions}
      fields={fields}
      changes={description.getChanges()}
      overflow={description.getDiff().overflow}
      isItemList={isItemListEntry(entry)}
      readItem={description.readItem}
    />
  );
}
