import { transformAsync } from '@babel/core';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import linguiMacro from '@lingui/babel-plugin-lingui-macro';
import { getConfig } from '@lingui/conf';
import type { Plugin } from 'vite';

/**
 * Compile-time rewrites that need Babel, run before Vite's own TypeScript/JSX transform:
 * Lingui's macros (`t`, `msg`, `<Trans>` become catalogue look-ups) and GraphQL Code Generator's
 * optimizer (each `graphql(...)` call becomes an import of that one document, so a chunk carries
 * only the documents it uses). @rolldown/plugin-babel would do this but needs Node 22.
 */
export function babelMacros(options: { artifactDirectory: string; linguiConfigPath: string }): Plugin {
  const linguiConfig = getConfig({ configPath: options.linguiConfigPath });
  return {
    name: 'maillage:babel-macros',
    enforce: 'pre',
    async transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0])) return null;
      const usesMacros = code.includes('@lingui/') && code.includes('/macro');
      const usesGraphql = /\bgraphql\(/.test(code) && !id.includes('/src/gql/');
      if (!usesMacros && !usesGraphql) return null;
      const result = await transformAsync(code, {
        filename: id.split('?')[0],
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        parserOpts: { plugins: ['typescript', 'jsx'] },
        plugins: [
          // The French source text stays in the code (stripMessageField: false): each string ships in the
          // chunk that shows it, instead of every string of the app in one catalogue in the entry.
          ...(usesMacros ? [[linguiMacro, { linguiConfig, stripMessageField: false }]] : []),
          ...(usesGraphql
            ? [[babelOptimizerPlugin, { artifactDirectory: options.artifactDirectory, gqlTagName: 'graphql' }]]
            : []),
        ],
      });
      return result?.code ? { code: result.code, map: result.map } : null;
    },
  };
}
