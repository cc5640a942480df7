import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * scrypt at N=2^15, r=8, p=1: 32 MiB and tens of milliseconds per guess, so a stolen database file
 * is slow to attack. The parameters are stored with each hash, so raising them later keeps old
 * passwords working.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;
const maxmem = (o: { N: number; r: number; p: number }) => 128 * o.N * o.r * o.p + 1024 * 1024;

function encode(params: typeof COST, salt: Buffer, hash: Buffer): string {
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return encode(COST, salt, scryptSync(password.normalize("NFC"), salt, KEY_LEN, { ...COST, maxmem: maxmem(COST) }));
}

interface Parsed {
  options: ScryptOptions;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | null {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return null;
  const o = { N: Number(n), r: Number(r), p: Number(p) };
  return { options: { ...o, maxmem: maxmem(o) }, salt: Buffer.from(salt, "base64url"), hash: Buffer.from(hash, "base64url") };
}

export function verifyPasswordSync(password: string, stored: string): boolean {
  const p = parse(stored);
  if (!p) return false;
  return timingSafeEqual(scryptSync(password.normalize("NFC"), p.salt, p.hash.length, p.options), p.hash);
}

/** Off the event loop (libuv's pool), so a burst of logins does not stall the live board. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const p = parse(stored);
  if (!p) return false;
  const derived = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFC"), p.salt, p.hash.length, p.options, (err, key) => (err ? reject(err) : resolve(key))),
  );
  return timingSafeEqual(derived, p.hash);
}

let dummy: string | undefined;

/** Compared against when a username does not exist, so the answer takes as long either way. */
export function dummyHash(): string {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}

/** 256 random bits, URL-safe; the prefix tells a leaked secret's kind at a glance (and to secret scanners). */
export function newSecret(prefix: "s" | "dk" | "mbt"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** High-entropy secrets need no slow hash: SHA-256 is enough to keep the stored copy useless. */
export function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A one-time password a person can type: 16 characters (80 bits) from 32 without look-alikes (no 0/O, 1/I). */
export function newOneTimePassword(): string {
  // 32 symbols divide 256 evenly, so every character is equally likely
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
