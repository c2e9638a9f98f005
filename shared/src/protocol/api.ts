import { z } from 'zod';
import { ProfileSchema } from '../policy/categories';
import { RoleSchema } from '../roles/roles';

export const LoginBodySchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(500),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const StaffSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  schoolId: z.string(),
  schoolName: z.string(),
});
export type Staff = z.infer<typeof StaffSchema>;

export const ClassSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  profile: ProfileSchema,
  pupilCount: z.number().int(),
});
export type ClassSummary = z.infer<typeof ClassSummarySchema>;

export const ApiErrorSchema = z.object({ error: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;
