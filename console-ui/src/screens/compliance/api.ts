import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplianceReport, PrepareReviewPackBody, ReviewPack, ReviewPackContent } from '@waymark/shared';
import { api } from '../../lib/api';

/** The compliance screen's calls: the live evidence, and the annual review packs. */
export const complianceApi = {
  report: () => api<{ report: ComplianceReport }>('/api/compliance').then((r) => r.report),
  packs: () => api<{ packs: ReviewPack[] }>('/api/compliance/review-packs').then((r) => r.packs),
  pack: (id: string) =>
    api<{ pack: ReviewPack; content: ReviewPackContent }>(
      `/api/compliance/review-packs/${encodeURIComponent(id)}`,
    ),
  prepare: (body: PrepareReviewPackBody) =>
    api<{ pack: ReviewPack }>('/api/compliance/review-packs', {
      method: 'POST',
      body: JSON.stringify(body),
    }).then((r) => r.pack),
  sign: (id: string, contentHash: string) =>
    api<{ pack: ReviewPack }>(`/api/compliance/review-packs/${encodeURIComponent(id)}/signatures`, {
      method: 'POST',
      body: JSON.stringify({ contentHash }),
    }).then((r) => r.pack),
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
