import simpleRest, { axiosInstance } from "@refinedev/simple-rest";
import { CLIENT_ID, CLIENT_ID_HEADER } from "./clientId";

// simple-rest's own axios instance (it turns error responses into Refine's HttpError with
// the server's `message`); every request also says which tab it comes from.
axiosInstance.interceptors.request.use((config) => {
  config.headers.set(CLIENT_ID_HEADER, CLIENT_ID);
  return config;
});

/** Records under /api/<resource>, in the REST shape @refinedev/simple-rest speaks. */
export const dataProvider = simpleRest("/api", axiosInstance);
