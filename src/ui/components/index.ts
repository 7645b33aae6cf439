/**
 * The design system: the components every view builds with. Import from here, not from the files,
 * so a component can be split or renamed without touching the views. Documented live on
 * `/{locale}/design-system` in development.
 */
export { Breadcrumbs, type Crumb } from './breadcrumbs.js';
export { Button, type ButtonProps, type ButtonVariant } from './button.js';
export { Card, type CardProps } from './card.js';
export { Checkboxes, Radios, type CheckboxesProps, type ChoiceOption, type RadiosProps } from './choices.js';
export { CsrfField } from './csrf-field.js';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './error-summary.js';
export { ErrorMessage, Hint, fieldIds, type FieldProps } from './field.js';
export { HiddenContent, type HiddenContentProps } from './hidden-content.js';
export { KeysetPagination, type KeysetPaginationProps } from './keyset-pagination.js';
export { NotificationBanner, type NotificationBannerProps } from './notification-banner.js';
export { Pagination, pageHref, paginationWindow, type PaginationProps, type PaginationQuery } from './pagination.js';
export { Select, type Option, type SelectProps } from './select.js';
export { Table, type TableColumn, type TableProps } from './table.js';
export { Tag, type TagTone } from './tag.js';
export { TextInput, type TextInputProps } from './text-input.js';
export { Textarea, type TextareaProps } from './textarea.js';
export { VisuallyHidden } from './visually-hidden.js';
