import simpleRest, { axiosInstance } from "@refinedev/simple-rest";
import { CLIENT_ID, CLIENT_ID_HEADER } from "./clientId";

// simple-rest's own axios instance (it turns error responses into Refine's HttpError with
// the server's `message`); every request also says which tab it comes from.
axiosInstance.interceptors.request.use((config) => {
  config.headers.set(CLIENT_ID_HEADER, CLIENT_ID);
  return config;
});

/**
 * Records under /api/<resource>, in the REST shape @refinedev/simple-rest speaks. A
 * mutation's `meta` reaches it too (the kit's restore and revert send `restoredFrom` and
 * `restoreKind`, for the log entry Refine writes): simple-rest reads only `meta.headers`
 * and `meta.method` and leaves the rest alone.
 */
export const dataProvider = simpleRest("/api", axiosInstance);
