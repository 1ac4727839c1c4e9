import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's second recommended profile (m=19 MiB, t=2, p=1).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, OPTIONS);

/** A hash of nothing anyone knows, verified against for unknown users so timing reveals nothing. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | undefined, plain: string): Promise<boolean> {
  if (!storedHash) {
    decoy ??= hash(crypto.randomUUID(), OPTIONS);
    await verify(await decoy, plain).catch(() => false);
    return false;
  }
  return verify(storedHash, plain).catch(() => false);
}
