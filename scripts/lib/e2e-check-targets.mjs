// What the e2e server needs so that specs can point automated checks at
// Shipshape itself, as an operator with a private certificate authority
// would: a CA the server trusts (NODE_EXTRA_CA_CERTS, read by Node at start),
// certificates issued from it by the specs for their HTTPS fronts, and a
// directory whose repositories the server may read
// (CHECKS_ALLOWED_REPOSITORY_PATHS). Everything lives in one directory per
// port under the system's temporary directory, made anew at each start.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The paths of the check targets of the e2e server on `port`: the CA's
 * certificate and key (PEM) and the directory of readable repositories.
 */
export function checkTargetsOf(port) {
  const directory = path.join(os.tmpdir(), `shipshape-e2e-checks-${port}`);
  return {
    directory,
    caCertificate: path.join(directory, "ca.pem"),
    caKey: path.join(directory, "ca-key.pem"),
    repositories: path.join(directory, "repositories"),
  };
}

const openssl = (args) => execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });

/**
 * Makes the directory afresh with a new CA (valid a year) and an empty
 * repositories directory; returns the environment the e2e server needs.
 */
export function prepareCheckTargets(port) {
  const targets = checkTargetsOf(port);
  rmSync(targets.directory, { recursive: true, force: true });
  mkdirSync(targets.repositories, { recursive: true });
  openssl([
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "365",
    "-subj", "/O=Shipshape E2E/CN=Shipshape E2E private CA",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    "-keyout", targets.caKey, "-out", targets.caCertificate,
  ]);
  return {
    NODE_EXTRA_CA_CERTS: targets.caCertificate,
    CHECKS_ALLOWED_REPOSITORY_PATHS: targets.repositories,
    // Checks may reach the server itself and the fronts specs start on loopback.
    CHECKS_ALLOWED_NETWORKS: "127.0.0.0/8,::1/128",
  };
}

/**
 * A server certificate for the names (host names or IP addresses), issued by
 * the e2e server's CA on `port` and valid for `days`; returns PEM key and cert.
 */
export function issueCertificate(port, names, days = 1) {
  const targets = checkTargetsOf(port);
  const scratch = mkdtempSync(path.join(os.tmpdir(), "shipshape-e2e-cert-"));
  try {
    const altNames = names.map((name) => (/^[\d.]+$|:/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(",");
    const extensions = path.join(scratch, "extensions.cnf");
    writeFileSync(extensions, `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${altNames}\n`);
    const key = path.join(scratch, "key.pem");
    const request = path.join(scratch, "request.csr");
    const cert = path.join(scratch, "cert.pem");
    openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", `/O=Shipshape E2E/CN=${names[0]}`, "-keyout", key, "-out", request]);
    openssl(["x509", "-req", "-in", request, "-CA", targets.caCertificate, "-CAkey", targets.caKey, "-set_serial", `0x${Date.now().toString(16)}`, "-days", String(days), "-extfile", extensions, "-out", cert]);
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Removes the directory of the e2e server on `port` (its CA and repositories). */
export function removeCheckTargets(port) {
  rmSync(checkTargetsOf(port).directory, { recursive: true, force: true });
}
