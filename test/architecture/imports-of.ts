import ts from "typescript";

/**
 * Every module a TypeScript source names, in source order: static imports (type-only included),
 * re-exports, side-effect imports, `import()` expressions and types, `require()`, and the
 * `require.resolve` / `createRequire(…).resolve` / `import.meta.resolve` of a package's file.
 */
export function importsOf(source: string): string[] {
  const file = ts.createSourceFile("source.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const specifier = specifierOf(node);
    if (specifier !== undefined) found.push(specifier);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function specifierOf(node: ts.Node): string | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return literal(node.moduleSpecifier);
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    return literal(node.moduleReference.expression);
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) return literal(node.argument.literal);
  if (ts.isCallExpression(node) && namesAModule(node.expression)) return literal(node.arguments[0]);
  return undefined;
}

/** `import(…)`, `require(…)` and the `resolve` of a require function or of `import.meta`. */
function namesAModule(callee: ts.Expression): boolean {
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isIdentifier(callee)) return callee.text === "require";
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "resolve") return false;
  const owner = callee.expression;
  if (ts.isIdentifier(owner)) return owner.text === "require";
  if (ts.isMetaProperty(owner)) return owner.keywordToken === ts.SyntaxKind.ImportKeyword;
  return (
    ts.isCallExpression(owner) &&
    ts.isIdentifier(owner.expression) &&
    owner.expression.text === "createRequire"
  );
}

function literal(node: ts.Node | undefined): string | undefined {
  return node !== undefined && ts.isStringLiteralLike(node) ? node.text : undefined;
}
