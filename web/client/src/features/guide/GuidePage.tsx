export default function GuidePage() {
  return <p className="p-8">GuidePage is being built.</p>;
}
