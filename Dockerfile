FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production ASTRO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:portal
USER node
EXPOSE 8080
# Node itself as the container's first process, so that `docker stop` (SIGTERM) reaches it.
CMD ["node", "--import", "tsx", "server/main.ts"]
