import {
  filterChecksContract as contract,
  type AddFollowUpBody,
  type AddTestAddressBody,
  type FilterCheckSchedule,
  type FilterCheckTarget,
} from '@waymark/shared';
import { call } from '../../lib/call';

export const checkKeys = {
  all: ['filter-checks'] as const,
  list: () => [...checkKeys.all, 'list'] as const,
  one: (id: string) => [...checkKeys.all, 'one', id] as const,
  targets: () => [...checkKeys.all, 'targets'] as const,
  addresses: () => [...checkKeys.all, 'addresses'] as const,
  schedule: () => [...checkKeys.all, 'schedule'] as const,
};

export const checksApi = {
  list: () => call(contract.list).then((r) => r.checks),
  one: (id: string) => call(contract.one, { params: { id } }).then((r) => r.check),
  run: (target: FilterCheckTarget) => call(contract.run, { body: { target } }).then((r) => r.check),
  followUp: (id: string, body: AddFollowUpBody) =>
    call(contract.addFollowUp, { params: { id }, body }).then((r) => r.check),
  targets: () => call(contract.targets),
  addresses: () => call(contract.addresses).then((r) => r.addresses),
  addAddress: (body: AddTestAddressBody) => call(contract.addAddress, { body }),
  removeAddress: (id: string) => call(contract.removeAddress, { params: { id } }),
  schedule: () => call(contract.schedule).then((r) => r.schedule),
  saveSchedule: (body: FilterCheckSchedule) => call(contract.saveSchedule, { body }),
};
