import { and, asc, desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  can,
  ReviewPackContentSchema,
  ReviewSignerRoleSchema,
  type ComplianceReport,
  type DeviceHealthReport,
  type ReviewPack,
  type ReviewPackContent,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../../../db/open-database';
import { reviewPacks, reviewPackSignatures } from '../../../db/schema';
import { DomainError } from '../../../errors/domain-error';
import { canonicalJson, sha256Hex } from './canonical-json';
import { buildPackContent } from './pack-content';

/** A stored pack whose content no longer matches its hash, or whose signatures were for other content. */
export class ReviewPackAltered extends Error {}

type PackRow = typeof reviewPacks.$inferSelect;
type SignatureRow = typeof reviewPackSignatures.$inferSelect;

const yearLabel = (year: number) => `${year}–${String((year + 1) % 100).padStart(2, '0')}`;

function summaryOf(row: PackRow, signatures: SignatureRow[]): ReviewPack {
  return {
    id: row.id,
    year: row.year,
    status: row.status,
    contentHash: row.contentHash,
    preparedBy: row.preparedByName,
    preparedAt: row.preparedAt.toISOString(),
    signedAt: row.signedAt?.toISOString() ?? null,
    signatures: signatures.map((s) => ({
      role: ReviewSignerRoleSchema.parse(s.role),
      name: s.staffName,
      signedAt: s.signedAt.toISOString(),
      contentHash: s.contentHash,
    })),
  };
}

/**
 * The annual review packs: prepared as drafts (again as often as wanted while unsigned), signed by
 * the senior leader and a governor, two different people, each against the content hash they saw;
 * with both signatures the pack is frozen. Every read checks the stored content against its hash.
 */
export function createReviewPackService({
  db,
  compliance,
  deviceHealth,
}: {
  db: Database;
  compliance: (schoolId: string, now: Date) => Promise<ComplianceReport>;
  deviceHealth: (schoolId: string, now: Date) => Promise<DeviceHealthReport>;
}) {
  async function signaturesOf(packId: string) {
    return db
      .select()
      .from(reviewPackSignatures)
      .where(eq(reviewPackSignatures.packId, packId))
      .orderBy(asc(reviewPackSignatures.signedAt));
  }

  async function row(schoolId: string, id: string): Promise<PackRow> {
    const [pack] = await db
      .select()
      .from(reviewPacks)
      .where(and(eq(reviewPacks.schoolId, schoolId), eq(reviewPacks.id, id)));
    if (!pack) throw new DomainError('not-found', 'no such review pack');
    return pack;
  }

  /** The pack's content, after checking it against its hash and its signatures against both. */
  function verified(pack: PackRow, signatures: SignatureRow[]): ReviewPackContent {
    if (sha256Hex(pack.content) !== pack.contentHash)
      throw new ReviewPackAltered(
        `the ${yearLabel(pack.year)} review pack has been altered: its content does not match its SHA-256`,
      );
    for (const s of signatures) {
      if (s.contentHash !== pack.contentHash)
        throw new ReviewPackAltered(
          `the ${yearLabel(pack.year)} review pack has been altered: ${s.staffName} signed other content`,
        );
    }
    if (pack.status === 'signed' && signatures.length < 2)
      throw new ReviewPackAltered(`the ${yearLabel(pack.year)} review pack has lost a signature`);
    return ReviewPackContentSchema.parse(JSON.parse(pack.content));
  }

  return {
    async list(schoolId: string): Promise<ReviewPack[]> {
      const packs = await db
        .select()
        .from(reviewPacks)
        .where(eq(reviewPacks.schoolId, schoolId))
        .orderBy(desc(reviewPacks.year));
      const out: ReviewPack[] = [];
      for (const pack of packs) out.push(summaryOf(pack, await signaturesOf(pack.id)));
      return out;
    },

    /** One pack with its content, verified. */
    async get(schoolId: string, id: string): Promise<{ pack: ReviewPack; content: ReviewPackContent }> {
      const pack = await row(schoolId, id);
      const signatures = await signaturesOf(pack.id);
      return { pack: summaryOf(pack, signatures), content: verified(pack, signatures) };
    },

    /**
     * Prepares the year's pack from the evidence now, or prepares it again while it is a draft
     * (any signature given to the old content is withdrawn). A signed pack is never changed.
     */
    async prepare(who: Staff, body: { year: number; notes?: string }, now = new Date()): Promise<ReviewPack> {
      const [existing] = await db
        .select()
        .from(reviewPacks)
        .where(and(eq(reviewPacks.schoolId, who.schoolId), eq(reviewPacks.year, body.year)));
      if (existing?.status === 'signed')
        throw new DomainError(
          'conflict',
          `the ${yearLabel(body.year)} review pack is signed and kept as signed: it cannot be changed`,
        );
      const content = await buildPackContent({
        db,
        who,
        year: body.year,
        // Prepared again with no notes given: the draft's notes are kept.
        notes:
          body.notes ?? (existing ? ReviewPackContentSchema.parse(JSON.parse(existing.content)).notes : null),
        now,
        compliance: await compliance(who.schoolId, now),
        deviceHealth: await deviceHealth(who.schoolId, now),
      });
      if (!content) throw new DomainError('invalid', `the ${yearLabel(body.year)} school year has not begun`);
      const text = canonicalJson(content);
      const values = {
        content: text,
        contentHash: sha256Hex(text),
        preparedBy: who.id,
        preparedByName: who.name,
        preparedAt: now,
      };
      const id = existing?.id ?? uuidv7();
      await db.transaction(async (tx) => {
        if (existing) {
          const [locked] = await tx.select().from(reviewPacks).where(eq(reviewPacks.id, id)).for('update');
          if (locked?.status === 'signed')
            throw new DomainError('conflict', `the ${yearLabel(body.year)} review pack was signed meanwhile`);
          await tx.delete(reviewPackSignatures).where(eq(reviewPackSignatures.packId, id));
          await tx.update(reviewPacks).set(values).where(eq(reviewPacks.id, id));
        } else {
          await tx
            .insert(reviewPacks)
            .values({ id, schoolId: who.schoolId, year: body.year, ...values })
            .onConflictDoNothing();
        }
      });
      const pack = await row(who.schoolId, id).catch(() => {
        throw new DomainError('conflict', `the ${yearLabel(body.year)} review pack was prepared meanwhile`);
      });
      return summaryOf(pack, await signaturesOf(id));
    },

    /**
     * Signs the pack as the signer's role, for the content hash they saw. The senior leader and a
     * governor sign, two different people; the second signature freezes the pack.
     */
    async sign(who: Staff, id: string, contentHash: string, now = new Date()): Promise<ReviewPack> {
      if (!can(who.role, 'sign-review-pack')) throw new DomainError('forbidden', 'your role cannot sign');
      const role = ReviewSignerRoleSchema.parse(who.role);
      await db.transaction(async (tx) => {
        // Locked, so two signatures at once are taken one after the other and the second freezes it.
        const [pack] = await tx
          .select()
          .from(reviewPacks)
          .where(and(eq(reviewPacks.schoolId, who.schoolId), eq(reviewPacks.id, id)))
          .for('update');
        if (!pack) throw new DomainError('not-found', 'no such review pack');
        if (pack.status === 'signed') throw new DomainError('conflict', 'this review pack is already signed');
        if (pack.contentHash !== contentHash)
          throw new DomainError(
            'conflict',
            'the review pack has been prepared again since you read it: read it again before signing',
          );
        const signatures = await tx
          .select()
          .from(reviewPackSignatures)
          .where(eq(reviewPackSignatures.packId, id));
        if (signatures.some((s) => s.staffId === who.id))
          throw new DomainError(
            'conflict',
            'you have already signed this review pack: the other signature must be someone else’s',
          );
        if (signatures.some((s) => s.role === role))
          throw new DomainError(
            'conflict',
            `a ${role === 'governor' ? 'governor' : 'senior leader'} has already signed this review pack`,
          );
        await tx.insert(reviewPackSignatures).values({
          packId: id,
          role,
          staffId: who.id,
          staffName: who.name,
          contentHash,
          signedAt: now,
        });
        if (signatures.length + 1 === 2) {
          await tx.update(reviewPacks).set({ status: 'signed', signedAt: now }).where(eq(reviewPacks.id, id));
        }
      });
      const pack = await row(who.schoolId, id);
      return summaryOf(pack, await signaturesOf(id));
    },
  };
}
export type ReviewPackService = ReturnType<typeof createReviewPackService>;
