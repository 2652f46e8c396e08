import { describe, expect, it } from "vitest";
import { suggestRelation } from "./relations";

describe("suggestRelation", () => {
  it("suggests what the domain says two kinds usually mean", () => {
    expect(suggestRelation("product", "market_segment")).toBe("serves");
    expect(suggestRelation("product", "org_unit")).toBe("belongs_to");
    expect(suggestRelation("product", "team")).toBe("delivered_by");
    expect(suggestRelation("application", "service")).toBe("supports");
    expect(suggestRelation("person", "person")).toBe("collaborates_with");
    expect(suggestRelation("service", "product")).toBe("rolls_up_to");
    expect(suggestRelation("application", "platform")).toBe("rolls_up_to");
  });
});
