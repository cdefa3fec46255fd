import type { ComponentType } from "react";
import type { CheckKind } from "@/lib/schemas/check-settings";
import { DnsFields } from "./dns";
import type { KindFieldsProps } from "./fields";
import { HeadersFields } from "./headers";
import { HttpFields } from "./http";
import { ReportedFields } from "./reported";
import { RepositoryFields } from "./repository";
import { TlsFields } from "./tls";

export type { KindFieldsProps };

/**
 * The settings fields of each kind of check, named by the settings' paths
 * ("settings.url"). A new kind adds its schema to check-settings.ts, a file
 * here, and its entry below and in ../check-kinds.ts.
 */
export const CHECK_KIND_FIELDS: Record<CheckKind, ComponentType<KindFieldsProps>> = {
  http: HttpFields,
  tls: TlsFields,
  dns: DnsFields,
  repository: RepositoryFields,
  reported: ReportedFields,
  headers: HeadersFields,
};
