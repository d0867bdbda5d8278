// What `serve` does, from its flags and the configuration (Jekyll reads `detach`, `livereload_*`,
// `show_dir_listing` and `ssl_*` from `_config.yml` too): watching, live reload, detaching, the
// folder listing and HTTPS, with Jekyll's rules for how they combine.
import fs from "node:fs";
import path from "node:path";
import tls from "node:tls";
import type { Config } from "../config/types.js";
import { BuildError } from "../errors.js";
import type { ParsedArgs } from "./args.js";
import type { ConsoleLogger } from "../logger.js";

export interface ServeOptions {
  watch: boolean;
  livereload: boolean;
  /** Serve from a background process and return (no watching, no live reload). */
  detach: boolean;
  showDirListing: boolean;
  tls?: { cert: Buffer; key: Buffer };
  /** Globs of source paths whose changes reload no page. */
  livereloadIgnore: string[];
}

/**
 * A path from the configuration, kept inside the source as Jekyll's PathManager.sanitized_path
 * keeps it: an absolute path inside the source stays; any other path, absolute or climbing out
 * with `..`, is taken relative to the source instead.
 */
export function insideSource(source: string, questionable: string): string {
  const root = path.resolve(source);
  const clean = path.resolve("/", questionable.startsWith("~") ? `/${questionable}` : questionable);
  if (clean === root || clean.startsWith(root + path.sep)) return clean;
  return path.join(root, clean);
}

function readPem(source: string, value: unknown, flag: string): Buffer {
  const file = insideSource(source, String(value));
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new BuildError(`cannot read ${flag} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: `${flag} takes a PEM file inside the site's source folder.`,
    });
  }
}

export function serveOptions(args: ParsedArgs, config: Config, logger: ConsoleLogger): ServeOptions {
  let livereload = args.serve.livereload;
  let watch = args.serve.watch;
  let detach = config.detach === true;
  if (detach && args.serve.livereloadGiven && livereload) {
    logger.warn("Warning:", "--detach and --livereload are mutually exclusive. Choosing --livereload");
    detach = false;
  } else if (detach) {
    // A detached server outlives this process: nothing is left to rebuild or to tell pages.
    livereload = false;
    watch = false;
  }

  const livereloadIgnore = ([] as unknown[]).concat(config.livereload_ignore ?? []).map(String).filter(Boolean);
  const livereloadPort = config.livereload_port;
  if (!livereload && (livereloadIgnore.length || livereloadPort !== undefined)) {
    logger.warn("LiveReload:", "--livereload-ignore and --livereload-port have no effect without live reload.");
  } else if (livereloadPort !== undefined) {
    logger.warn("LiveReload:", "build-site sends reloads over the site's own port, so --livereload-port is not used.");
  }

  let tlsFiles: ServeOptions["tls"];
  const { ssl_cert: cert, ssl_key: key } = config;
  if (cert || key) {
    if (!cert || !key) {
      throw new BuildError(`--ssl-cert and --ssl-key go together: ${cert ? "--ssl-key" : "--ssl-cert"} is missing`, {
        hint: "Give both: --ssl-cert cert.pem --ssl-key key.pem (files inside the site's source folder).",
      });
    }
    tlsFiles = { cert: readPem(config.source, cert, "--ssl-cert"), key: readPem(config.source, key, "--ssl-key") };
    try {
      tls.createSecureContext(tlsFiles);
    } catch (e) {
      throw new BuildError(`the certificate or key cannot be used: ${(e as Error).message}`, {
        hint: "--ssl-cert takes an X.509 certificate and --ssl-key its private key, both in PEM format.",
      });
    }
  }
  return { watch, livereload, detach, showDirListing: config.show_dir_listing === true, tls: tlsFiles, livereloadIgnore };
}
