import { describe, expect, it } from "vitest";
import { counted, withArticle } from "./wording";

describe("wording", () => {
  it("counts in the singular for one and the plural otherwise", () => {
    expect(counted(1, "element")).toBe("1 element");
    expect(counted(0, "element")).toBe("0 elements");
    expect(counted(1200, "relation")).toBe("1,200 relations");
    expect(counted(2, "person", "people")).toBe("2 people");
  });

  it("puts an before a vowel", () => {
    expect(withArticle("application")).toBe("an application");
    expect(withArticle("Org unit")).toBe("an Org unit");
    expect(withArticle("product")).toBe("a product");
  });
});
