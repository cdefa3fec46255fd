import "server-only";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { config } from "@/lib/server/kernel/config";
import { db } from "@/lib/server/kernel/db";
import { mayCreateAccount } from "@/lib/server/identity/account-creation";
import { forgetIdentitiesOf } from "@/lib/server/identity/session-cache";
import { mailPasswordResetLink } from "@/lib/server/identity/password-reset-mail";

// Built-in email + password accounts (used when Clerk is not configured).
// Passwords are hashed with scrypt (memory-hard) by better-auth. Its HTTP
// router is not mounted: sign-up, sign-in and sign-out go through Shipshape's
// server actions, which validate, throttle and enforce invitation-only sign-up.
function createBuiltInAuth(secureCookies: boolean) {
  const { APP_URL, AUTH_SECRET } = config();
  return betterAuth({
    appName: "Shipshape",
    baseURL: APP_URL,
    secret: AUTH_SECRET,
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      autoSignIn: true,
      // A link asked for by e-mail is valid for an hour and used once; setting
      // the new password ends every session of the account.
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      // Not awaited: how long the mail takes must not tell whether the
      // address has an account (the answer is the same either way).
      sendResetPassword: async ({ user, token }) => {
        void mailPasswordResetLink(user.email, token);
      },
      // The sessions just ended must not live on in this process's look-up
      // cache (docs/adr/0037-session-look-up-cache.md).
      onPasswordReset: async ({ user }) => {
        forgetIdentitiesOf(user.id);
      },
    },
    // Reset links are bearer secrets: the database keeps only their hash.
    verification: { storeIdentifier: "hashed" },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "shipshape",
      // Secure (and "__Secure-" named) only over HTTPS: a plain-HTTP install
      // on a LAN must still be able to keep a session (ADR 0021).
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: {
      user: {
        create: {
          // The only ways in: the first-run setup, or an invitation.
          before: async (user) => {
            if (!(await mayCreateAccount(user.email))) {
              throw new APIError("FORBIDDEN", { message: "Accounts are created by invitation only." });
            }
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

type BuiltInAuth = ReturnType<typeof createBuiltInAuth>;
const instances = new Map<boolean, BuiltInAuth>();

/**
 * Better Auth for a request that came over HTTPS (`secureCookies`) or not;
 * the cookie's name and Secure flag differ between the two, so each has its
 * own instance. Decide with `reachedOverHttps(headers)`.
 */
export function builtInAuth(secureCookies: boolean): BuiltInAuth {
  let instance = instances.get(secureCookies);
  if (!instance) {
    instance = createBuiltInAuth(secureCookies);
    instances.set(secureCookies, instance);
  }
  return instance;
}
