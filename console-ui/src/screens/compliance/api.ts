import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { complianceContract as contract, type PrepareReviewPackBody } from '@waymark/shared';
import { call } from '../../lib/call';

/** The compliance screen's calls: the live evidence, and the annual review packs. */
export const complianceApi = {
  report: () => call(contract.report).then((r) => r.report),
  packs: () => call(contract.packs).then((r) => r.packs),
  pack: (id: string) => call(contract.pack, { params: { id } }),
  prepare: (body: PrepareReviewPackBody) => call(contract.prepare, { body }).then((r) => r.pack),
  sign: (id: string, contentHash: string) =>
    call(contract.sign, { params: { id }, body: { contentHash } }).then((r) => r.pack),
};
/** The PDF the server makes of a pack (a plain link: a GET needs no CSRF header). */
export const packPdfUrl = (id: string, lang: string) =>
  `/api/compliance/review-packs/${encodeURIComponent(id)}/pdf?lang=${lang === 'cy' ? 'cy' : 'en'}`;

export function useComplianceReport() {
  return useQuery({ queryKey: ['compliance', 'report'], queryFn: complianceApi.report });
}

export function useReviewPacks() {
  return useQuery({ queryKey: ['compliance', 'packs'], queryFn: complianceApi.packs });
}

export function useReviewPack(id: string) {
  return useQuery({ queryKey: ['compliance', 'pack', id], queryFn: () => complianceApi.pack(id) });
}

/** After a pack is prepared or signed, the list, the pack and the evidence (its last review) are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['compliance'] });
}

export function usePreparePack() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: complianceApi.prepare, onSuccess: refresh });
}

export function useSignPack(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (contentHash: string) => complianceApi.sign(id, contentHash),
    onSuccess: refresh,
  });
}
