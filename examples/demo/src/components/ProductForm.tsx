import type { HttpError } from "@refinedev/core";
import { useId, useState, type FormEvent } from "react";
import { useDemoTranslate } from "../i18n/useDemoTranslate";
import { PRODUCT_STATUSES, type Category, type Product, type ProductValues } from "../types";
import { toPhotoSrc } from "./format";
import { ErrorMessage } from "./Status";

interface VariantRow {
  key: string;
  id: string;
  sku: string;
  price: string;
}

/** The form's state: text as typed, turned into a product on submit. */
interface FormState {
  title: string;
  sku: string;
  status: string;
  price: string;
  currency: string;
  stock: string;
  categoryId: string;
  tags: string;
  description: string;
  photo: string;
  width: string;
  height: string;
  depth: string;
  unit: string;
  supplierName: string;
  supplierEmail: string;
  street: string;
  city: string;
  postalCode: string;
  country: string;
  variants: VariantRow[];
}

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
const newKey = () => crypto.randomUUID().slice(0, 8);

function toState(product: Partial<Product> | undefined): FormState {
  return {
    title: text(product?.title),
    sku: text(product?.sku),
    status: product?.status ?? "draft",
    price: text(product?.price),
    currency: product?.currency ?? "EUR",
    stock: text(product?.stock ?? 0),
    categoryId: text(product?.categoryId),
    tags: (product?.tags ?? []).join(", "),
    description: text(product?.description),
    photo: text(product?.photo),
    width: text(product?.dimensions?.width),
    height: text(product?.dimensions?.height),
    depth: text(product?.dimensions?.depth),
    unit: product?.dimensions?.unit ?? "cm",
    supplierName: text(product?.supplier?.name),
    supplierEmail: text(product?.supplier?.email),
    street: text(product?.supplier?.address?.street),
    city: text(product?.supplier?.address?.city),
    postalCode: text(product?.supplier?.address?.postalCode),
    country: text(product?.supplier?.address?.country),
    variants: (product?.variants ?? []).map((variant) => ({ key: newKey(), id: variant.id, sku: variant.sku, price: text(variant.price) })),
  };
}

const toNumber = (value: string) => (value.trim() === "" ? undefined : Number(value));

/** Drops the keys whose value is undefined, so an empty input sends nothing. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The product to send; `original` is the product being edited (a photo taken away is sent as `null`). */
function toValues(state: FormState, original: Product | undefined): ProductValues {
  const dimensions = compact({ width: toNumber(state.width), height: toNumber(state.height), depth: toNumber(state.depth), unit: state.unit as "cm" });
  const address = compact({ street: state.street.trim(), city: state.city.trim(), postalCode: state.postalCode.trim(), country: state.country.trim() });
  return {
    title: state.title.trim(),
    sku: state.sku.trim(),
    status: state.status as Product["status"],
    price: Number(state.price),
    currency: state.currency as Product["currency"],
    stock: toNumber(state.stock) ?? 0,
    categoryId: Number(state.categoryId),
    tags: [...new Set(state.tags.split(",").map((tag) => tag.trim()).filter(Boolean))],
    description: state.description,
    photo: state.photo.trim() || (original?.photo ? null : undefined),
    dimensions,
    supplier: compact({ name: state.supplierName.trim(), email: state.supplierEmail.trim() || undefined, address }),
    variants: state.variants.map((variant) => ({ id: variant.id, sku: variant.sku.trim(), price: Number(variant.price) })),
  };
}

export interface ProductFormProps {
  /** The product to edit; none for a new one. */
  product?: Product;
  categories: Category[];
  onSubmit: (values: ProductValues) => void;
  isSubmitting: boolean;
  /** The server's answer when saving failed. */
  error?: HttpError | null;
  submitLabel: string;
}

/** The product form: plain inputs, nested fields in fieldsets, an editable list of variants. */
export function ProductForm({ product, categories, onSubmit, isSubmitting, error, submitLabel }: ProductFormProps) {
  const { t } = useDemoTranslate();
  const [state, setState] = useState(() => toState(product));
  const id = useId();
  const field = (name: Exclude<keyof FormState, "variants">) => ({
    id: `${id}-${name}`,
    name,
    value: state[name],
    onChange: (event: { target: { value: string } }) => setState((current) => ({ ...current, [name]: event.target.value })),
  });
  const setVariant = (key: string, patch: Partial<VariantRow>) =>
    setState((current) => ({ ...current, variants: current.variants.map((row) => (row.key === key ? { ...row, ...patch } : row)) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(toValues(state, product));
  };

  return (
    <form className="form" onSubmit={submit} aria-busy={isSubmitting}>
      {error && <ErrorMessage title={t("productForm.notSaved")} error={error} />}
      <div className="grid">
        <label htmlFor={`${id}-title`}>{t("product.field.title")}</label>
        <input {...field("title")} required maxLength={120} />
        <label htmlFor={`${id}-sku`}>{t("product.field.sku")}</label>
        <input {...field("sku")} required maxLength={40} />
        <label htmlFor={`${id}-categoryId`}>{t("product.field.category")}</label>
        <select {...field("categoryId")} required>
          <option value="">{t("productForm.chooseCategory")}</option>
          {categories.map((category) => (
            <option key={category.id} value={String(category.id)} translate="no">
              {category.title}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-status`}>{t("product.field.status")}</label>
        <select {...field("status")}>
          {PRODUCT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`product.status.${status}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-price`}>{t("product.field.price")}</label>
        <span className="inline">
          <input {...field("price")} type="number" min={0} step="0.01" required inputMode="decimal" />
          <select {...field("currency")} aria-label={t("product.field.currency")}>
            <option>EUR</option>
            <option>USD</option>
            <option>GBP</option>
          </select>
        </span>
        <label htmlFor={`${id}-stock`}>{t("product.field.stock")}</label>
        <input {...field("stock")} type="number" min={0} step={1} />
        <label htmlFor={`${id}-tags`}>{t("product.field.tags")}</label>
        <input {...field("tags")} aria-describedby={`${id}-tags-hint`} />
        <span />
        <small id={`${id}-tags-hint`} className="hint">
          {t("productForm.tagsHint")}
        </small>
        <label htmlFor={`${id}-description`}>{t("product.field.description")}</label>
        <textarea {...field("description")} rows={7} maxLength={20000} />
        <label htmlFor={`${id}-photo`}>{t("product.field.photo")}</label>
        <span className="photo-input">
          <input {...field("photo")} pattern="/photos/[a-z0-9][a-z0-9\-]*\.(svg|png|jpg|webp)" maxLength={100} aria-describedby={`${id}-photo-hint`} />
          {toPhotoSrc(state.photo.trim()) && <img src={toPhotoSrc(state.photo.trim())} alt="" width={48} height={48} />}
        </span>
        <span />
        <small id={`${id}-photo-hint`} className="hint">
          {t("productForm.photoHint")}
        </small>
      </div>

      <fieldset>
        <legend>{t("product.field.dimensions")}</legend>
        <div className="grid">
          <label htmlFor={`${id}-width`}>{t("product.field.width")}</label>
          <input {...field("width")} type="number" min={0} step="any" />
          <label htmlFor={`${id}-height`}>{t("product.field.height")}</label>
          <input {...field("height")} type="number" min={0} step="any" />
          <label htmlFor={`${id}-depth`}>{t("product.field.depth")}</label>
          <input {...field("depth")} type="number" min={0} step="any" />
          <label htmlFor={`${id}-unit`}>{t("product.field.unit")}</label>
          <select {...field("unit")}>
            <option>mm</option>
            <option>cm</option>
            <option>m</option>
          </select>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("product.field.supplier")}</legend>
        <div className="grid">
          <label htmlFor={`${id}-supplierName`}>{t("product.field.supplierName")}</label>
          <input {...field("supplierName")} required maxLength={120} />
          <label htmlFor={`${id}-supplierEmail`}>{t("product.field.supplierEmail")}</label>
          <input {...field("supplierEmail")} type="email" />
          <label htmlFor={`${id}-street`}>{t("product.field.street")}</label>
          <input {...field("street")} />
          <label htmlFor={`${id}-city`}>{t("product.field.city")}</label>
          <input {...field("city")} />
          <label htmlFor={`${id}-postalCode`}>{t("product.field.postalCode")}</label>
          <input {...field("postalCode")} />
          <label htmlFor={`${id}-country`}>{t("product.field.country")}</label>
          <input {...field("country")} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("product.field.variants")}</legend>
        {state.variants.length === 0 ? (
          <p className="hint">{t("productForm.noVariants")}</p>
        ) : (
          <table className="variants">
            <thead>
              <tr>
                <th scope="col">{t("productForm.variantSku")}</th>
                <th scope="col">{t("productForm.variantPrice")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.variants.map((row, index) => (
                <tr key={row.key}>
                  <td>
                    <input aria-label={t("productForm.variantSkuOf", { number: index + 1 })} value={row.sku} required maxLength={40} onChange={(event) => setVariant(row.key, { sku: event.target.value })} />
                  </td>
                  <td>
                    <input
                      aria-label={t("productForm.variantPriceOf", { number: index + 1 })}
                      type="number"
                      min={0}
                      step="0.01"
                      required
                      value={row.price}
                      onChange={(event) => setVariant(row.key, { price: event.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setState((current) => ({ ...current, variants: current.variants.filter((other) => other.key !== row.key) }))}
                    >
                      {t("productForm.removeVariant", { number: index + 1 })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button
          type="button"
          onClick={() =>
            setState((current) => ({
              ...current,
              variants: [...current.variants, { key: newKey(), id: `v-${newKey()}`, sku: current.sku ? `${current.sku}-${current.variants.length + 1}` : "", price: current.price }],
            }))
          }
        >
          {t("productForm.addVariant")}
        </button>
      </fieldset>

      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t("common.saving") : submitLabel}
        </button>
      </div>
    </form>
  );
}
