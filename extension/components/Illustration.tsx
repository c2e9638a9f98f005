/** A friendly owl holding up a paw: the picture young pupils see instead of words. */
export function Illustration() {
  return (
    <svg className="illustration" viewBox="0 0 200 200" role="img" aria-hidden="true" focusable="false">
      <circle cx="100" cy="110" r="70" fill="#8ecae6" />
      <ellipse cx="100" cy="130" rx="42" ry="38" fill="#fefae0" />
      <circle cx="75" cy="90" r="22" fill="#fff" />
      <circle cx="125" cy="90" r="22" fill="#fff" />
      <circle cx="78" cy="92" r="9" fill="#1b2430" />
      <circle cx="122" cy="92" r="9" fill="#1b2430" />
      <polygon points="100,102 92,114 108,114" fill="#f4a261" />
      <path d="M70 150 Q100 165 130 150" stroke="#1b2430" strokeWidth="4" fill="none" strokeLinecap="round" />
      <polygon points="45,55 62,78 40,80" fill="#219ebc" />
      <polygon points="155,55 138,78 160,80" fill="#219ebc" />
      <rect x="150" y="120" width="30" height="44" rx="12" fill="#ffb703" />
    </svg>
  );
}
