/**
 * Preloaded into `next start` (NODE_OPTIONS=--require, lib/ops/run-script.ts):
 * puts the TCP peer's address of every request into `x-marginalia-peer`,
 * replacing whatever a client sent under that name. Next.js hands route
 * handlers no socket, and its own `x-forwarded-for` keeps a value the client
 * chose, so per-address sign-in limits (lib/auth/client-address.ts) need this.
 */
const http = require("node:http");

const HEADER = "x-marginalia-peer";
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === "request" && req && req.headers) {
    const peer = req.socket && req.socket.remoteAddress;
    if (peer) req.headers[HEADER] = peer;
    else delete req.headers[HEADER];
  }
  return emit.call(this, event, req, ...rest);
};
