# The bot as one image; run it as web, worker or both (see README, Operations).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# tsx is the TypeScript loader node runs with (`node --import tsx`), so the full install is kept.
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
RUN mkdir -p var && chown node:node var
ENV NODE_ENV=production REDIS_AUTOSTART=false PORT=3000
USER node
EXPOSE 3000
# node is PID 1 (exec form, no npm or shell in between): `docker stop`'s SIGTERM reaches it
# directly and starts the drain. Give it SHUTDOWN_TIMEOUT_MS plus a margin before SIGKILL:
# `docker stop -t 25`, or `stop_grace_period: 25s` in compose (Docker's default is 10 s).
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "adapters/runtime/start.ts"]
