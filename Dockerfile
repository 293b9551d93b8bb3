# Curator's Medusa backend (API + admin at /app). Built by docker-compose.yml.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/postinstall.js scripts/postinstall.js
RUN npm ci
COPY . .
RUN npx medusa build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production MEDUSA_DISABLE_TELEMETRY=true PORT=9000
COPY --from=build /app /app
# The server runs in .medusa/server: give it the project's node_modules, static/ (public uploads) and private/ (private uploads).
RUN mkdir -p /app/static /app/private && ln -sfn /app/node_modules /app/.medusa/server/node_modules && ln -sfn /app/static /app/.medusa/server/static && ln -sfn /app/private /app/.medusa/server/private
EXPOSE 9000
# Migrations (including search indexes) run at start; they are idempotent.
CMD ["sh", "-c", "npx medusa db:migrate --execute-safe-links --execute-safe-search && cd .medusa/server && npx medusa start"]
