// The order `relawan db copy` fills tables in, so that every foreign key finds its row already
// there. Pure: the caller reads the models from the Prisma client and the foreign keys from the
// migrated target (see copyDatabase.ts), which is where the constraints are checked.

export interface ModelReferences {
  model: string;
  /** Each foreign key the model's table holds: the fields, the model they point at, and whether every field may be null. */
  references: { fields: string[]; model: string; nullable: boolean }[];
}

export interface CopyStep {
  model: string;
  /** Fields written as null on the first pass and filled in once every table is copied (self-references, cycles). */
  deferred: string[];
}

/**
 * Models ordered parents first, keeping the given order where the keys leave a choice. A
 * reference that closes a loop (Contact.referredById -> Contact, or A -> B -> A) is deferred
 * when its fields may be null; a loop of required keys cannot be copied row by row and throws.
 */
export function listModelsInCopyOrder(models: ModelReferences[]): CopyStep[] {
  const known = new Set(models.map((m) => m.model));
  for (const { model, references } of models) {
    for (const reference of references) {
      if (!known.has(reference.model)) throw new Error(`${model} references ${reference.model}, which is not a model of the data model.`);
    }
  }
  const placed = new Set<string>();
  const deferredBy = new Map(models.map((m) => [m.model, new Set<ModelReferences["references"][number]>()]));
  const pending = (m: ModelReferences) => m.references.filter((r) => !placed.has(r.model) && !deferredBy.get(m.model)!.has(r));
  const steps: CopyStep[] = [];

  while (steps.length < models.length) {
    const ready = models.find((m) => !placed.has(m.model) && pending(m).length === 0);
    if (ready) {
      placed.add(ready.model);
      steps.push({ model: ready.model, deferred: [...new Set([...deferredBy.get(ready.model)!].flatMap((r) => r.fields))] });
      continue;
    }
    // Stuck on a loop: break it at a nullable reference on the loop itself, a self-reference first.
    const remaining = models.filter((m) => !placed.has(m.model));
    const byName = new Map(remaining.map((m) => [m.model, m]));
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      from === to || (!seen.has(from) && (seen.add(from), pending(byName.get(from)!).some((r) => reaches(r.model, to, seen))));
    const candidates = remaining.flatMap((m) => pending(m).filter((r) => r.nullable && reaches(r.model, m.model)).map((r) => ({ m, r })));
    const chosen = candidates.find(({ m, r }) => r.model === m.model) ?? candidates[0];
    if (!chosen) {
      throw new Error(`Cannot order ${remaining.map((m) => m.model).join(", ")}: their foreign keys form a loop of required fields.`);
    }
    deferredBy.get(chosen.m.model)!.add(chosen.r);
  }
  return steps;
}
