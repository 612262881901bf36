/** A regular expression as an HTML `pattern` attribute, which is anchored already (so without ^ and $). */
export const htmlPattern = (re: RegExp) => re.source.replace(/^\^/, "").replace(/\$$/, "");
