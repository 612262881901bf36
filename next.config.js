/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

module.exports = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The Content-Security-Policy is set per request in proxy.ts (it carries a nonce).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};
