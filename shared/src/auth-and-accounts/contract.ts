import { z } from 'zod';
import { endpoint, OkResponseSchema } from '../contract/endpoint';
import { safeText } from '../text/safe-text';
import {
  CreateStaffBodySchema,
  LoginBodySchema,
  ResetPasswordBodySchema,
  StaffListItemSchema,
  StaffSchema,
  UpdateStaffBodySchema,
} from '../protocol/api';

/** Signing in and out: `/api/auth` (the single sign-on redirects are plain routes, not JSON). */
export const authContract = {
  /** "Sign in with Google / Microsoft", when the school has configured them. */
  providers: endpoint({
    method: 'GET',
    path: '/api/auth/providers',
    response: z.object({ providers: z.array(z.object({ id: safeText(), label: safeText() })) }),
  }),
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    body: LoginBodySchema,
    response: z.object({ staff: StaffSchema }),
  }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', response: OkResponseSchema }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', response: z.object({ staff: StaffSchema }) }),
};

/** Staff accounts holding school roles, for the school admin: `/api/staff`. */
export const staffContract = {
  list: endpoint({
    method: 'GET',
    path: '/api/staff',
    response: z.object({ staff: z.array(StaffListItemSchema) }),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/staff',
    body: CreateStaffBodySchema,
    response: z.object({ id: safeText() }),
    status: 201,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/staff/:id',
    body: UpdateStaffBodySchema,
    response: OkResponseSchema,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/staff/:id/reset-password',
    body: ResetPasswordBodySchema,
    response: OkResponseSchema,
  }),
};
