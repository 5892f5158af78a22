import { useDataProvider } from "@refinedev/core";

/** Which methods the app's default data provider has (what restore and compare need). */
export interface DataProviderMethods {
  getOne: boolean;
  update: boolean;
}

/**
 * Whether the app's data provider can read one record (`getOne`: the current record of a
 * comparison) and write one (`update`: restore and revert). Without `<Refine>`'s data
 * provider, both are false.
 */
export function useDataProviderMethods(dataProviderName?: string): DataProviderMethods {
  const getDataProvider = useDataProvider();
  try {
    const provider = getDataProvider(dataProviderName);
    return { getOne: typeof provider?.getOne === "function", update: typeof provider?.update === "function" };
  } catch {
    return { getOne: false, update: false };
  }
}
