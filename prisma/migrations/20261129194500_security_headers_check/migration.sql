-- The security headers check (docs/adr/0031-security-headers-check.md).
ALTER TYPE "CheckKind" ADD VALUE 'HEADERS';
