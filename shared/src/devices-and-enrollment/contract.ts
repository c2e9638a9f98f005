import { z } from 'zod';
import { endpoint, OkResponseSchema, WireInstantSchema } from '../contract/endpoint';
import { safeText } from '../text/safe-text';
import { CreateEnrollmentTokenBodySchema } from '../protocol/api';
import {
  CreatedEnrollmentTokenSchema,
  DeviceClassSchema,
  DeviceHealthReportSchema,
  EnrollmentTokenSummarySchema,
  ExpectedDeviceSchema,
} from '../protocol/devices';

/** A device as the technician's list shows it (`GET /api/devices`). */
export const DeviceListItemSchema = z.object({
  id: safeText(),
  name: safeText(),
  assetTag: safeText().nullable(),
  classId: safeText().nullable(),
  className: safeText().nullable(),
  lastUser: safeText().nullable(),
  lastIp: safeText().nullable(),
  extensionVersion: safeText().nullable(),
  policyVersion: z.number().int().nullable(),
  lastSeenAt: WireInstantSchema.nullable(),
  online: z.boolean(),
  enrolledAt: WireInstantSchema,
});
export type DeviceListItem = z.infer<typeof DeviceListItemSchema>;

/**
 * Devices, their health, enrollment tokens and the expected-device inventory, for the technician:
 * `/api/devices`. (The inventory import, whose refusal carries the problems by line, is a plain route.)
 */
export const devicesContract = {
  list: endpoint({
    method: 'GET',
    path: '/api/devices',
    response: z.object({ devices: z.array(DeviceListItemSchema) }),
  }),
  health: endpoint({ method: 'GET', path: '/api/devices/health', response: DeviceHealthReportSchema }),
  classes: endpoint({
    method: 'GET',
    path: '/api/devices/classes',
    response: z.object({ classes: z.array(DeviceClassSchema) }),
  }),
  expected: endpoint({
    method: 'GET',
    path: '/api/devices/expected',
    response: z.object({ devices: z.array(ExpectedDeviceSchema) }),
  }),
  removeExpected: endpoint({
    method: 'DELETE',
    path: '/api/devices/expected/:assetTag',
    response: OkResponseSchema,
  }),
  tokens: endpoint({
    method: 'GET',
    path: '/api/devices/enrollment-tokens',
    response: z.object({ tokens: z.array(EnrollmentTokenSummarySchema) }),
  }),
  createToken: endpoint({
    method: 'POST',
    path: '/api/devices/enrollment-tokens',
    body: CreateEnrollmentTokenBodySchema,
    response: CreatedEnrollmentTokenSchema,
    status: 201,
  }),
  revokeToken: endpoint({
    method: 'POST',
    path: '/api/devices/enrollment-tokens/:id/revoke',
    response: OkResponseSchema,
  }),
};
