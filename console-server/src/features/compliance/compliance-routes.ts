import { z } from 'zod';
import { complianceContract, ReportLanguageSchema } from '@waymark/shared';
import { contractRouter } from '../../http/contract-route';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';
import type { ComplianceService } from './compliance-service';
import { reviewPackPdf } from './review-packs/review-pack-pdf';
import { ReviewPackAltered, type ReviewPackService } from './review-packs/review-pack-service';

const PackIdSchema = z.uuid('no such review pack');
const PdfQuerySchema = z.object({ lang: ReportLanguageSchema.optional() });

/**
 * `/api/compliance`: the DfE standards with their live evidence, and the annual review packs
 * (DSL, senior leader and governors read; the DSL or senior leader prepares; the senior leader and
 * a governor sign).
 */
export function complianceRoutes({
  complianceService,
  reviewPacks,
}: {
  complianceService: ComplianceService;
  reviewPacks: ReviewPackService;
}) {
  const { router, route } = contractRouter('/api/compliance');

  /** A pack read with its content; a stored pack that fails its hash is never served. */
  async function verifiedPack(schoolId: string, id: string) {
    try {
      return await reviewPacks.get(schoolId, parseBody(PackIdSchema, id));
    } catch (error) {
      if (error instanceof ReviewPackAltered) {
        console.error(`waymark: ${error.message}`);
        throw new HttpError(500, error.message, 'altered');
      }
      throw error;
    }
  }

  route(complianceContract.report, 'view-compliance', async ({ who }) => ({
    report: await complianceService.report(who.schoolId),
  }));

  route(complianceContract.packs, 'view-compliance', async ({ who }) => ({
    packs: await reviewPacks.list(who.schoolId),
  }));

  route(complianceContract.prepare, 'prepare-review-pack', async ({ who, body }) => ({
    pack: await reviewPacks.prepare(who, body),
  }));

  route(complianceContract.pack, 'view-compliance', async ({ who, params }) =>
    verifiedPack(who.schoolId, params.id),
  );

  // A file download: a plain route.

  router.get(
    '/review-packs/:id/pdf',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-compliance');
      const { lang = 'en' } = parseBody(PdfQuerySchema, req.query);
      const { pack, content } = await verifiedPack(who.schoolId, req.params.id as string);
      const pdf = await reviewPackPdf(pack, content, lang);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="waymark-review-${pack.year}-${pack.year + 1}-${pack.status}-${lang}.pdf"`,
      );
      res.setHeader('X-Content-SHA256', pack.contentHash);
      res.type('application/pdf').send(pdf);
    }),
  );

  route(complianceContract.sign, 'sign-review-pack', async ({ who, params, body }) => ({
    pack: await reviewPacks.sign(who, parseBody(PackIdSchema, params.id), body.contentHash),
  }));

  return router;
}
