export { Button, Spinner, type ButtonProps } from './Button';
export { Dialog } from './Dialog';
export { EmptyState, ErrorState, Skeleton } from './States';
export { TextField, type TextFieldProps } from './TextField';
