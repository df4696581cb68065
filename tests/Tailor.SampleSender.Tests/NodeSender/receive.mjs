// A sender's receiving end written as docs/email-ready.md tells a non-.NET sender to write it, with amqplib: declare
// the exchange exactly as MassTransit does, bind a durable quorum queue of its own, take the envelope's `message`, and
// acknowledge only once the email is handed on (here: printed). Prints "ready" once bound, then one JSON line per
// email, and deletes its queue after TAILOR_EXPECT emails so test runs leave nothing behind.
import amqp from "amqplib";

const url = process.env.TAILOR_RABBITMQ;
const queue = process.env.TAILOR_QUEUE;
const expected = Number(process.env.TAILOR_EXPECT ?? "1");
const exchange = "Tailor.Contracts:EmailReady";

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertExchange(exchange, "fanout", { durable: true, autoDelete: false });
await channel.assertQueue(queue, { durable: true, arguments: { "x-queue-type": "quorum" } });
await channel.bindQueue(queue, exchange, "");
await channel.prefetch(32);

let received = 0;
let consumer;
const done = new Promise((resolve, reject) => {
  consumer = channel.consume(queue, (delivery) => {
    if (delivery === null) {
      // RabbitMQ cancelled the consumer (the queue was deleted under it): a real sender reconnects; here it is an error.
      reject(new Error(`the broker cancelled the consumer of ${queue}`));
      return;
    }

    const envelope = JSON.parse(delivery.content.toString("utf8"));
    const email = envelope.message;
    console.log(JSON.stringify({
      contentType: delivery.properties.contentType,
      deliveryMode: delivery.properties.deliveryMode,
      messageType: envelope.messageType,
      email,
    }));
    channel.ack(delivery);
    received += 1;
    if (received >= expected) {
      resolve();
    }
  });
});

console.log("ready");
await done;
await channel.cancel((await consumer).consumerTag);
await channel.deleteQueue(queue);
await channel.close();
await connection.close();
