import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";

export const roleOptions = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
