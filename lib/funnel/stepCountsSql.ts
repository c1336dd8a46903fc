/** How many units reached each step of a unit table (step_1 … step_n). */
export function stepCountsSql(stepsTable: string, stepCount: number): string {
  const counts = Array.from({ length: stepCount }, (_, i) => `CAST(count(step_${i + 1}) AS INTEGER) AS step_${i + 1}`);
  return `SELECT ${counts.join(", ")} FROM ${stepsTable}`;
}

/** The counts of a stepCountsSql / categoryStepCountsSql row, in step order. */
export function stepCountsOf(row: object, stepCount: number): number[] {
  const values = row as Record<string, unknown>;
  return Array.from({ length: stepCount }, (_, i) => Number(values[`step_${i + 1}`] ?? 0));
}
