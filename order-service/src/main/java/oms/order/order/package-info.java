/** Orders as stored and as clients read them. */
package oms.order.order;
