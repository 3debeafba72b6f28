export { default } from "@/app/components/SignedInLayout";
