import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RecordDiff, recordDiffParts as parts, type RecordDiffFields } from "../../src/index";

const root = () => screen.getByRole("group", { name: "Changes" });
const rowAt = (path: string) => root().querySelector<HTMLElement>(`[data-part="${parts.field}"][data-path="${path}"]`)!;
const images = (element: Element = root()) => [...element.querySelectorAll("img")];

const cdn = "https://cdn.example.com/products";
const photo: RecordDiffFields = { photo: { type: "image", label: "Photo" } };

describe("RecordDiff typed values", () => {
  it("shows allowed image URLs as small lazy thumbnails side by side, with the URL as text", () => {
    render(<RecordDiff locale="en-US" fields={photo} previousData={{ photo: `${cdn}/a.png` }} data={{ photo: `${cdn}/b.png` }} />);
    const row = rowAt("photo");
    const [before, after] = images(row);
    expect(images(row)).toHaveLength(2);
    expect(row.querySelector("del")!.contains(before!)).toBe(true);
    expect(row.querySelector("ins")!.contains(after!)).toBe(true);
    expect(after!.getAttribute("src")).toBe(`${cdn}/b.png`);
    expect(after!.getAttribute("data-part")).toBe(parts.image);
    expect(after!.getAttribute("data-scope")).toBe("record-diff");
    expect(after!.getAttribute("alt")).toBe("Photo");
    expect(after!.getAttribute("loading")).toBe("lazy");
    expect(after!.getAttribute("referrerpolicy")).toBe("no-referrer");
    expect([after!.getAttribute("width"), after!.getAttribute("height")]).toEqual(["48", "48"]);
    expect(row.querySelector("del")?.textContent).toContain(`${cdn}/a.png`);
    expect(row.querySelector("ins")?.textContent).toContain(`${cdn}/b.png`);
  });

  it("never requests a URL of another scheme, nor of an origin outside allowedOrigins: it is text only", () => {
    const hostile = ["javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "blob:https://x.test/1", "/relative.png"];
    render(
      <RecordDiff
        locale="en-US"
        fields={{ "photos.*": { type: "image" }, logo: { type: "image", allowedOrigins: ["https://cdn.example.com"] } }}
        previousData={undefined}
        data={{ photos: hostile, logo: "https://evil.test/logo.png" }}
      />,
    );
    expect(images()).toHaveLength(0);
    for (const url of hostile) expect(root().textContent).toContain(url);
    expect(rowAt("logo").textContent).toContain("https://evil.test/logo.png");
  });

  it("shows both thumbnails beside the word diff of two long URLs, in both views", () => {
    const before = `${cdn}/desk-lamp/gallery/2024/front-view-large.png`;
    const after = `${cdn}/desk-lamp/gallery/2024/side-view-large.png`;
    const { rerender } = render(<RecordDiff locale="en-US" fields={photo} previousData={{ photo: before }} data={{ photo: after }} />);
    expect(rowAt("photo").querySelector(`[data-part="${parts.text}"]`)).not.toBeNull();
    expect(images(rowAt("photo")).map((img) => img.getAttribute("src"))).toEqual([before, after]);
    rerender(<RecordDiff locale="en-US" view="split" fields={photo} previousData={{ photo: before }} data={{ photo: after }} />);
    const cells = [...rowAt("photo").querySelectorAll("td")];
    expect(cells.map((cell) => images(cell).map((img) => img.getAttribute("src")))).toEqual([[before], [after]]);
  });

  it("never formats nor loads a redacted image: the marker only", () => {
    render(
      <RecordDiff
        locale="en-US"
        fields={{ photo: { type: "image", redact: true }, "profile.avatar": { type: "image" }, profile: { redact: true } }}
        previousData={{ photo: `${cdn}/a.png`, profile: { avatar: `${cdn}/me.png` } }}
        data={{ photo: `${cdn}/b.png`, profile: { avatar: `${cdn}/you.png` } }}
      />,
    );
    expect(images()).toHaveLength(0);
    expect(root().textContent).not.toContain(cdn);
    expect(rowAt("photo").textContent).toContain("(hidden)");
  });

  it("a field's format wins over its type", () => {
    render(<RecordDiff locale="en-US" fields={{ photo: { type: "image", format: () => "a picture" } }} previousData={{ photo: `${cdn}/a.png` }} data={{ photo: `${cdn}/b.png` }} />);
    expect(images()).toHaveLength(0);
    expect(rowAt("photo").textContent).toContain("a picture");
  });

  it("formats money, enums, booleans, dates and durations through Intl and the kit's words", () => {
    render(
      <RecordDiff
        locale="en-US"
        timeZone="UTC"
        fields={{
          price: { type: "currency", currency: "EUR" },
          status: { type: "enum", options: { draft: "Draft", published: "Published" } },
          isActive: { type: "boolean" },
          publishedAt: { type: "date" },
          prepTime: { type: "duration" },
        }}
        previousData={{ price: 1234.5, status: "draft", isActive: 0, publishedAt: "2024-05-01T10:00:00Z", prepTime: 600 }}
        data={{ price: "99", status: "published", isActive: 1, publishedAt: "2024-06-02T10:00:00Z", prepTime: "PT1H30M" }}
      />,
    );
    expect(rowAt("price").querySelector("del")?.textContent).toContain("€1,234.50");
    expect(rowAt("price").querySelector("ins")?.textContent).toContain("€99.00");
    expect(rowAt("status").querySelector("ins")?.textContent).toContain("Published");
    expect(rowAt("isActive").querySelector("ins")?.textContent).toContain("Yes");
    expect(rowAt("publishedAt").querySelector("ins time")?.textContent).toBe("Jun 2, 2024");
    const duration = rowAt("prepTime").querySelector("ins time")!;
    expect(duration.textContent).toBe("1 hr 30 min");
    expect(duration.getAttribute("datetime")).toBe("PT5400S");
  });

  it("hands the typed value to renderValue, and the default render keeps the thumbnail", () => {
    const seen: string[] = [];
    render(
      <RecordDiff
        locale="en-US"
        fields={photo}
        previousData={{ photo: `${cdn}/a.png` }}
        data={{ photo: `${cdn}/b.png` }}
        renderValue={({ formatted, defaultRender }) => {
          seen.push(`${formatted.type}:${formatted.src}`);
          return <span data-testid="mine">{defaultRender()}</span>;
        }}
      />,
    );
    expect(seen).toEqual(expect.arrayContaining([`image:${cdn}/a.png`, `image:${cdn}/b.png`]));
    expect(screen.getAllByTestId("mine").flatMap((element) => images(element))).toHaveLength(2);
  });
});
