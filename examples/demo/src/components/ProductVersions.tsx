import type { BaseKey } from "@refinedev/core";
import { useMemo, useState } from "react";
import { CURRENT_VERSION, CompareVersions, useRecordVersions, type RecordDiffFields, type RecordVersion, type VersionRef } from "refine-audit-trail";

/** The oldest and the newest version the log holds (the current record aside), once it is read. */
function endsOf(versions: readonly RecordVersion[]): { oldest?: VersionRef; newest?: VersionRef } {
  const logged = versions.filter((version) => !version.isCurrent);
  if (logged.length === 0) return {};
  const time = (version: RecordVersion) => version.time?.getTime() ?? Number.NEGATIVE_INFINITY;
  const byTime = [...logged].sort((a, b) => time(a) - time(b));
  return { oldest: byTime[0]!.ref, newest: byTime[byTime.length - 1]!.ref };
}

/**
 * `<CompareVersions>` for one product, opened on something worth reading: from the
 * product's first version (its creation) to the product as it is now, so the page shows
 * at a glance everything that changed since. The two pickers choose any other pair.
 * A deleted product has no "now": it compares its first and its last version instead,
 * and offers no restore.
 */
export function ProductVersions({ id, fields, isDeleted = false }: { id: BaseKey; fields: RecordDiffFields; isDeleted?: boolean }) {
  // The same log (and record) query as the component's own: React Query reads it once.
  const { versions } = useRecordVersions({ resource: "products", id, fields, readCurrent: !isDeleted });
  const { oldest, newest } = useMemo(() => endsOf(versions), [versions]);
  const [from, setFrom] = useState<VersionRef>();
  const [to, setTo] = useState<VersionRef>();
  return (
    <CompareVersions
      resource="products"
      id={id}
      fields={fields}
      readCurrent={!isDeleted}
      allowRestore={!isDeleted}
      from={from ?? oldest}
      onFromChange={setFrom}
      to={to ?? (isDeleted ? newest : CURRENT_VERSION)}
      onToChange={setTo}
    />
  );
}
