import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../lib/db/duckdb";
import { DEFAULT_MEMORY_LIMIT, memoryLimitFromEnv, parseMemoryLimit } from "../../lib/db/memoryLimit";
import { openWorkDatabase } from "../../lib/db/workDatabase";
import { parseAnalyzeArgs } from "../../lib/cli/analyze";

describe("parseMemoryLimit", () => {
  it("reads binary and decimal units into bytes", () => {
    expect(parseMemoryLimit("2GiB")).toEqual({ setting: "2GiB", bytes: 2 * 1024 ** 3 });
    expect(parseMemoryLimit("1500MB")).toEqual({ setting: "1500MB", bytes: 1.5e9 });
    expect(parseMemoryLimit(" 4gb ")).toEqual({ setting: "4GB", bytes: 4e9 });
    expect(parseMemoryLimit("512mib").bytes).toBe(512 * 1024 * 1024);
  });
  it("passes a fractional size on in KiB, since DuckDB takes whole numbers", () => {
    expect(parseMemoryLimit("1.5GiB")).toEqual({ setting: `${1.5 * 1024 * 1024}KiB`, bytes: 1.5 * 1024 ** 3 });
  });
  it("refuses sizes without a unit, unknown units and sizes too small to work in", () => {
    expect(() => parseMemoryLimit("2048")).toThrow('--memory must be a size such as 2GiB, 1500MB or 4GB, got "2048"');
    expect(() => parseMemoryLimit("2 parsecs")).toThrow(/must be a size/);
    expect(() => parseMemoryLimit("-1GB")).toThrow(/must be a size/);
    expect(() => parseMemoryLimit("64MB")).toThrow('--memory must be at least 128MiB, got "64MB"');
  });
  it("takes EVENT_KIT_MEMORY from the environment, naming it in errors", () => {
    expect(memoryLimitFromEnv({}).setting).toBe(DEFAULT_MEMORY_LIMIT);
    expect(memoryLimitFromEnv({}, "1GiB").setting).toBe("1GiB");
    expect(memoryLimitFromEnv({ EVENT_KIT_MEMORY: "3GiB" }, "1GiB").setting).toBe("3GiB");
    expect(() => memoryLimitFromEnv({ EVENT_KIT_MEMORY: "lots" })).toThrow(/^EVENT_KIT_MEMORY must be a size/);
  });
});

describe("analyze --memory", () => {
  const base = ["--data", "d", "--out", "o"];
  it("overrides EVENT_KIT_MEMORY, which overrides the default", () => {
    expect(parseAnalyzeArgs(base, {})!.memory!.setting).toBe(DEFAULT_MEMORY_LIMIT);
    expect(parseAnalyzeArgs(base, { EVENT_KIT_MEMORY: "3GiB" })!.memory!.setting).toBe("3GiB");
    expect(parseAnalyzeArgs([...base, "--memory", "700MiB"], { EVENT_KIT_MEMORY: "3GiB" })!.memory!.bytes).toBe(700 * 2 ** 20);
  });
  it("is a usage error when it is not a size", () => {
    expect(() => parseAnalyzeArgs([...base, "--memory", "half"], {})).toThrow('--memory must be a size such as 2GiB, 1500MB or 4GB, got "half"');
  });
});

describe("openWorkDatabase", () => {
  it("applies the memory limit and spills into its own scratch folder, removed on close", async () => {
    const db = await openWorkDatabase({ memory: parseMemoryLimit("128MiB"), onDisk: true });
    const scratch = db.scratch;
    try {
      const [settings] = await queryRows<{ memory: string; temp: string; file: string }>(
        db.connection,
        "SELECT current_setting('memory_limit') AS memory, current_setting('temp_directory') AS temp, (SELECT path FROM duckdb_databases() WHERE database_name = current_database()) AS file",
      );
      // DuckDB reports the limit in its own rounding of 300 MiB.
      expect(settings!.memory).toMatch(/^(128\.0 MiB|134\.2 MB)$/);
      expect(settings!.temp).toBe(`${scratch}/spill`);
      expect(settings!.file).toBe(`${scratch}/work.duckdb`);
      // A sort bigger than the limit finishes by spilling rather than failing.
      await db.connection.run("SET threads = 1");
      const [sorted] = await queryRows<{ n: number }>(
        db.connection,
        "SELECT count(*)::INTEGER AS n FROM (SELECT i, md5(i::VARCHAR) AS h FROM range(1500000) t(i) ORDER BY h)",
      );
      expect(sorted!.n).toBe(1_500_000);
      expect(existsSync(scratch)).toBe(true);
    } finally {
      db.close();
    }
    expect(existsSync(scratch)).toBe(false);
  }, 120_000);
});
