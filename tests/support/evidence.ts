import type { FastifyInstance } from 'fastify';
import type { EvidenceContribution, EvidenceKey } from '../../src/features/workspace/contracts';

/**
 * What the parts of the workspace report to the journey for some of a
 * library's checklist items, in the order asked for; an item no part
 * reported on is left out, so the comparison fails.
 */
export async function journeyEvidence(app: FastifyInstance, libraryId: string, items: EvidenceKey[]): Promise<EvidenceContribution[]> {
  const reported = await app.services.workspace.evidenceFor(libraryId);
  return items.flatMap((item) => reported.filter((contribution) => contribution.item === item));
}
