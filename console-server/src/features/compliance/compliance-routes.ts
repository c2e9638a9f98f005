import { Router } from 'express';
import { z } from 'zod';
import { PrepareReviewPackBodySchema, ReportLanguageSchema, SignReviewPackBodySchema } from '@waymark/shared';
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
  const router = Router();

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

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-compliance');
      res.json({ report: await complianceService.report(who.schoolId) });
    }),
  );

  router.get(
    '/review-packs',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-compliance');
      res.json({ packs: await reviewPacks.list(who.schoolId) });
    }),
  );

  router.post(
    '/review-packs',
    handle(async (req, res) => {
      const who = requireCapability(req, 'prepare-review-pack');
      const body = parseBody(PrepareReviewPackBodySchema, req.body);
      res.status(201).json({ pack: await reviewPacks.prepare(who, body) });
    }),
  );

  router.get(
    '/review-packs/:id',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-compliance');
      res.json(await verifiedPack(who.schoolId, req.params.id as string));
    }),
  );

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

  router.post(
    '/review-packs/:id/signatures',
    handle(async (req, res) => {
      const who = requireCapability(req, 'sign-review-pack');
      const id = parseBody(PackIdSchema, req.params.id);
      const { contentHash } = parseBody(SignReviewPackBodySchema, req.body);
      res.status(201).json({ pack: await reviewPacks.sign(who, id, contentHash) });
    }),
  );

  return router;
}
