import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { RecordDiff, recordDiffParts as parts, type RecordDiffFields } from "../src/index";
import { isStyled, withDarkTheme, withStylesheet } from "./support/decorators";

/** A product's fields, each with the `type` that says what its values are. */
const fields: RecordDiffFields = {
  photo: { type: "image", label: "Photo" },
  banner: { type: "image", label: "Banner" },
  price: { type: "currency", currency: "EUR", label: "Price" },
  status: { type: "enum", options: { draft: "Draft", review: "In review", published: "Published" }, label: "Status" },
  isFeatured: { type: "boolean", label: "Featured" },
  releaseDate: { type: "date", label: "Release date" },
  lastAudit: { type: "datetime", label: "Last audit" },
  assemblyTime: { type: "duration", label: "Assembly time" },
  supplierPhoto: { type: "image", label: "Supplier photo", redact: true },
};

// Example hosts: offline, the thumbnails show their bordered box and their alt text.
const before = {
  photo: "https://images.example.com/lamp/front.png",
  banner: "https://images.example.com/lamp/banner.png",
  price: 1234.5,
  status: "draft",
  isFeatured: false,
  releaseDate: "2024-05-01",
  lastAudit: "2024-05-01T08:30:00Z",
  assemblyTime: 2700,
  supplierPhoto: "https://images.example.com/private/supplier-a.png",
};
const after = {
  ...before,
  photo: "https://images.example.com/lamp/side.png",
  banner: "javascript:alert(document.domain)",
  price: "1399",
  status: "published",
  isFeatured: true,
  releaseDate: "2024-06-15",
  lastAudit: "2024-06-14T17:05:00Z",
  assemblyTime: "PT1H30M",
  supplierPhoto: "https://images.example.com/private/supplier-b.png",
};

const meta = {
  title: "Components/RecordDiff/Typed values",
  component: RecordDiff,
  args: { locale: "en-US", timeZone: "Europe/Paris", fields, previousData: before, data: after },
} satisfies Meta<typeof RecordDiff>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowAt = (canvasElement: HTMLElement, path: string) => canvasElement.querySelector<HTMLElement>(`[data-scope="record-diff"][data-part="${parts.field}"][data-path="${path}"]`)!;
const thumbnails = (element: Element) => [...element.querySelectorAll<HTMLImageElement>(`img[data-scope="record-diff"][data-part="${parts.image}"]`)];

/**
 * Every typed value, with the stylesheet: image thumbnails side by side (a `javascript:`
 * URL stays text, never an `<img>`), money in its currency, an enum by its label, a
 * boolean in words, dates and a duration through Intl, and a redacted image (the marker only).
 */
export const States: Story = {
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    const photo = rowAt(canvasElement, "photo");
    await expect(thumbnails(photo).map((img) => img.getAttribute("src"))).toEqual([before.photo, after.photo]);
    await expect(thumbnails(photo).every((img) => img.alt === "Photo" && img.loading === "lazy" && img.referrerPolicy === "no-referrer")).toBe(true);
    await expect(thumbnails(photo)[0]!.getBoundingClientRect().width).toBeLessThanOrEqual(48);
    const banner = rowAt(canvasElement, "banner");
    await expect(thumbnails(banner).map((img) => img.getAttribute("src"))).toEqual([before.banner]);
    await expect(banner.querySelector("ins")!.textContent).toBe(after.banner);
    await expect(rowAt(canvasElement, "price").querySelector("ins")!.textContent).toBe("€1,399.00");
    await expect(rowAt(canvasElement, "status").querySelector("ins")!.textContent).toBe("Published");
    await expect(rowAt(canvasElement, "isFeatured").querySelector("ins")!.textContent).toBe("Yes");
    await expect(rowAt(canvasElement, "releaseDate").querySelector("ins time")!.getAttribute("datetime")).toBe("2024-06-15");
    await expect(rowAt(canvasElement, "assemblyTime").querySelector("ins time")!.textContent).toBe("1 hr 30 min");
    const redacted = rowAt(canvasElement, "supplierPhoto");
    await expect(thumbnails(redacted)).toHaveLength(0);
    await expect(redacted.textContent).not.toContain("images.example.com");
  },
};

/** The same in the split view: the old thumbnail in the "before" column, the new one in "after". */
export const Split: Story = {
  ...States,
  args: { view: "split" },
  play: async ({ canvasElement }) => {
    const cells = [...rowAt(canvasElement, "photo").querySelectorAll("td")];
    await expect(cells.map((cell) => thumbnails(cell).map((img) => img.getAttribute("src")))).toEqual([[before.photo], [after.photo]]);
    await expect(thumbnails(rowAt(canvasElement, "banner"))).toHaveLength(1);
  },
};

/** The stylesheet under a `data-theme="dark"` ancestor. */
export const Dark: Story = { decorators: [withDarkTheme, withStylesheet] };

/** No stylesheet: the thumbnails keep their small fixed size from their `width`/`height` attributes. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    await expect(isStyled(canvasElement.querySelector('[data-scope="record-diff"]')!)).toBe(false);
    await expect(thumbnails(rowAt(canvasElement, "photo"))[0]!.getAttribute("width")).toBe("48");
  },
};
