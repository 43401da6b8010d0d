// A per-request holder for what the request log needs to know but only the app learns:
// who the signed-in user is. server.mjs runs each request inside `requestContext.run(holder)`;
// requireUser() notes the user id on it; the log line reads it when the response finishes.
// Outside a server request (tests, scripts) there is no holder and noting is a no-op.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { userId: number | null };

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function noteRequestUser(userId: number) {
  const holder = requestContext.getStore();
  if (holder) holder.userId = userId;
}
