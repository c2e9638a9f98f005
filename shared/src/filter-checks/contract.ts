import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import {
  AddFollowUpBodySchema,
  AddTestAddressBodySchema,
  FilterCheckRecordSchema,
  FilterCheckScheduleSchema,
  FilterCheckTargetsSchema,
  ListedTestAddressSchema,
  RunFilterCheckBodySchema,
} from '../protocol/filter-checks';

const CheckAnswer = z.object({ check: FilterCheckRecordSchema });
const ScheduleAnswer = z.object({ schedule: FilterCheckScheduleSchema });

/**
 * Filtering checks, for the DSL and the technician (`run-filtering-checks`): `/api/filter-checks`.
 * A role without `see-illegal-urls` is sent illegal-category test addresses as words, not URLs.
 */
export const filterChecksContract = {
  list: endpoint({
    method: 'GET',
    path: '/api/filter-checks',
    response: z.object({ checks: z.array(FilterCheckRecordSchema) }),
  }),
  run: endpoint({
    method: 'POST',
    path: '/api/filter-checks',
    body: RunFilterCheckBodySchema,
    response: CheckAnswer,
    status: 201,
  }),
  targets: endpoint({
    method: 'GET',
    path: '/api/filter-checks/targets',
    response: FilterCheckTargetsSchema,
  }),
  addresses: endpoint({
    method: 'GET',
    path: '/api/filter-checks/addresses',
    response: z.object({ addresses: z.array(ListedTestAddressSchema) }),
  }),
  addAddress: endpoint({
    method: 'POST',
    path: '/api/filter-checks/addresses',
    body: AddTestAddressBodySchema,
    response: z.object({ address: ListedTestAddressSchema }),
    status: 201,
  }),
  removeAddress: endpoint({
    method: 'DELETE',
    path: '/api/filter-checks/addresses/:id',
    response: z.object({ removed: z.string() }),
  }),
  schedule: endpoint({ method: 'GET', path: '/api/filter-checks/schedule', response: ScheduleAnswer }),
  saveSchedule: endpoint({
    method: 'PUT',
    path: '/api/filter-checks/schedule',
    body: FilterCheckScheduleSchema,
    response: ScheduleAnswer,
  }),
  one: endpoint({ method: 'GET', path: '/api/filter-checks/:id', response: CheckAnswer }),
  addFollowUp: endpoint({
    method: 'POST',
    path: '/api/filter-checks/:id/follow-ups',
    body: AddFollowUpBodySchema,
    response: CheckAnswer,
    status: 201,
  }),
};
